'use client';
// How fresh the data is: "Data from the sync engine: 3 minutes ago", and a warning once the
// engine is late (no batch for twice its longest sync interval) or never reported. Counted from
// the server's clock at render, then every minute from the browser's, with the engine's last
// report asked again (GET /api/freshness): a page left open follows the engine.
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { formatDistanceStrict } from 'date-fns';
import { useEffect, useState } from 'react';

export interface FreshnessLineProps {
  lastBatchAt: string | null;
  lateAfterMinutes: number;
  longestIntervalMinutes: number;
  /** The server's "now" at render: the first render in the browser must say what the server did. */
  renderedAt: string;
  /** On a page of counted figures (the overview): say up to when they count. */
  figures?: boolean;
}

type Reported = Pick<FreshnessLineProps, 'lastBatchAt' | 'lateAfterMinutes' | 'longestIntervalMinutes'>;

export function FreshnessLine({ renderedAt, figures = false, ...rendered }: FreshnessLineProps) {
  const [now, setNow] = useState(() => Date.parse(renderedAt));
  const [reported, setReported] = useState<Reported>(rendered);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(async () => {
      try {
        const response = await fetch('/api/freshness', { cache: 'no-store' });
        if (response.ok) setReported((await response.json()) as Reported);
      } catch {
        // offline for a moment: the next minute asks again
      }
      setNow(Date.now());
    }, 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const { lastBatchAt, lateAfterMinutes, longestIntervalMinutes } = reported;
  if (!lastBatchAt) {
    return (
      <Alert severity="warning" data-testid="freshness">
        The sync engine has not reported yet: there is no data to show.
      </Alert>
    );
  }
  const last = Date.parse(lastBatchAt);
  const ago = formatDistanceStrict(last, now, { addSuffix: true });
  const asOf = `${lastBatchAt.slice(0, 16).replace('T', ' ')} UTC`;
  if (now - last > lateAfterMinutes * 60_000) {
    return (
      <Alert severity="warning" data-testid="freshness">
        No data from the sync engine for {ago.replace(/ ago$/, '')} (since {asOf}): it reports at least every {longestIntervalMinutes} minutes, so it may have
        stopped. Every page shows the state of that moment.
      </Alert>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary" data-testid="freshness">
      Data from the sync engine: {ago}.{figures && ` The figures count everything it reported up to ${asOf}.`}
    </Typography>
  );
}
