'use client';
// The page header's word on how fresh the data is, on every page of a tenant: "Engine data
// 3 minutes ago" in quiet type, or a warning that links to the overview's full sentence once the
// engine is late. Same rule and same poll as the overview's line.
import { describeFreshness, type ReportedFreshness } from '@/lib/freshness/describe-freshness';
import styles from './header-freshness.module.css';
import { useEngineFreshness } from './use-engine-freshness';

export function HeaderFreshness({ renderedAt, ...rendered }: ReportedFreshness & { renderedAt: string }) {
  const { reported, now } = useEngineFreshness(rendered, renderedAt);
  const state = describeFreshness(reported, now);
  if (state.kind === 'fresh') {
    return (
      <p className={styles.fresh} data-testid="header-freshness">
        Engine data {state.ago}
      </p>
    );
  }
  return (
    <a href="/" className={styles.late} data-testid="header-freshness">
      {state.kind === 'never' ? 'No data from the sync engine yet' : `No engine data for ${state.ago.replace(/ ago$/, '')}`}
    </a>
  );
}
