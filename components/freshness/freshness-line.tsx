'use client';
// The overview's freshness sentence: "Data from the sync engine: 3 minutes ago", and a warning
// once the engine is late (no batch for twice its longest sync interval) or never reported.
// The page header says the same in short (header-freshness.tsx).
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { describeFreshness, type ReportedFreshness } from '@/lib/freshness/describe-freshness';
import { useTimeZone } from '@/components/time/time-zone-context';
import { useEngineFreshness } from './use-engine-freshness';

export interface FreshnessLineProps extends ReportedFreshness {
  /** The server's "now" at render: the first render in the browser must say what the server did. */
  renderedAt: string;
  /** On a page of counted figures (the overview): say up to when they count. */
  figures?: boolean;
}

export function FreshnessLine({ renderedAt, figures = false, ...rendered }: FreshnessLineProps) {
  const { reported, now } = useEngineFreshness(rendered, renderedAt);
  const state = describeFreshness(reported, now, useTimeZone());
  if (state.kind === 'never') {
    return (
      <Alert severity="warning" data-testid="freshness">
        The sync engine has not reported yet: there is no data to show.
      </Alert>
    );
  }
  if (state.kind === 'late') {
    return (
      <Alert severity="warning" data-testid="freshness">
        No data from the sync engine for {state.ago.replace(/ ago$/, '')} (since {state.asOf}): it reports at least every {reported.longestIntervalMinutes} minutes,
        so it may have stopped. Every page shows the state of that moment.
      </Alert>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary" data-testid="freshness">
      Data from the sync engine: {state.ago}.{figures && ` The figures count everything it reported up to ${state.asOf}.`}
    </Typography>
  );
}
