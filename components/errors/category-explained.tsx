'use client';
// An error category in a table with its explanation one click away: the category is the summary
// of a disclosure that opens what it means and what to do. The explanation is rendered when the
// disclosure opens, from the catalog in the browser: a page listing many categories (the
// overview) does not carry every explanation in its HTML.
import { useState } from 'react';
import type { ErrorSource } from '@/domain/sync-vocabulary';
import { explainErrorCategory } from '@/lib/errors/error-catalog';
import { ExplanationBlock } from './explanation-block';
import styles from './category-explained.module.css';

export function CategoryExplained({ category, source, note }: { category: string | null; source: ErrorSource | null; note: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.details} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{category || 'Not reported'}</summary>
      {open && <ExplanationBlock explanation={{ ...explainErrorCategory(category || null, source), note }} />}
    </details>
  );
}
