// Paging by cursor under a list: rows per page, previous and next page, and a capped count.
// Plain links styled by keyset-pager.module.css (issue 20: no MUI button per link on the server).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatCappedCount } from '@/lib/paging/format-count';
import { PAGE_SIZES } from '@/lib/paging/cursor';
import { withParams, type SearchParams } from '@/lib/search/search-params';
import styles from './keyset-pager.module.css';

/** A pager link, or its words greyed out where there is nowhere to go (not a link then). */
function PagerLink({ href, outlined = false, current = false, label, children }: { href: string | null; outlined?: boolean; current?: boolean; label?: string; children: ReactNode }) {
  const className = outlined ? `${styles.link} ${styles.outlined}` : styles.link;
  if (href === null) {
    return (
      <span className={className} aria-disabled="true">
        {children}
      </span>
    );
  }
  return (
    <Link className={className} href={href} aria-current={current ? 'true' : undefined} aria-label={label}>
      {children}
    </Link>
  );
}

export function KeysetPager({
  path,
  params,
  pageSize,
  previousCursor,
  nextCursor,
  total,
  noun,
}: {
  path: string;
  params: SearchParams;
  pageSize: number;
  previousCursor: string | null;
  nextCursor: string | null;
  total?: { count: number; capped: boolean };
  noun: string;
}) {
  return (
    <nav className={styles.pager} aria-label="Pages">
      <p className={styles.note}>{total ? `${formatCappedCount(total)} ${noun}` : ''}</p>
      {/* Page sizes and paging each stay on one line; on a phone the paging moves under them. */}
      <div className={styles.group}>
        <div className={styles.line}>
          <p className={styles.note}>Rows per page:</p>
          {PAGE_SIZES.map((size) => (
            <PagerLink key={size} href={withParams(path, params, { pageSize: size === 25 ? null : String(size) })} current={size === pageSize} label={`${size} rows per page`}>
              {size}
            </PagerLink>
          ))}
        </div>
        <div className={styles.line}>
          <PagerLink href={previousCursor ? withParams(path, params, {}) : null}>First page</PagerLink>
          <PagerLink href={previousCursor ? withParams(path, params, { before: previousCursor }) : null}>‹ Previous</PagerLink>
          <PagerLink href={nextCursor ? withParams(path, params, { after: nextCursor }) : null} outlined>
            Next ›
          </PagerLink>
        </div>
      </div>
    </nav>
  );
}
