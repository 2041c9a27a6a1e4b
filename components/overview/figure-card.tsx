// A titled card of the overview, and a tile with one key figure. Plain elements with static CSS
// (overview.module.css): server-rendered once, nothing of them repeated in the React payload.
import type { ReactNode } from 'react';
import styles from './overview.module.css';

export function FigureCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.card}>
      <h2 id={id} className={styles.cardTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function KpiTile({ label, value, detail, href }: { label: string; value: string; detail?: string; href?: ReactNode }) {
  return (
    <div className={`${styles.card} ${styles.kpi}`}>
      <div>
        <p className={styles.secondary}>{label}</p>
        <p className={styles.kpiValue}>{value}</p>
        {detail && <span className={styles.caption}>{detail}</span>}
        {href}
      </div>
    </div>
  );
}
