'use client';
// The engine's last report as an open page knows it: what the server rendered, then asked again
// every minute (GET /api/freshness) with the browser's clock moving on. One poll per browser
// tab however many lines show it (the header's and the overview's), stopped when none does.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReportedFreshness } from '@/lib/freshness/describe-freshness';

const POLL_EVERY_MS = 60_000;

interface Snapshot {
  reported: ReportedFreshness | null;
  /** When `reported` was asked (ms). */
  reportedAt: number;
  now: number;
}

let snapshot: Snapshot = { reported: null, reportedAt: 0, now: 0 };
const listeners = new Set<() => void>();
let timer: number | undefined;

function publish(next: Partial<Snapshot>) {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

async function poll() {
  try {
    const response = await fetch('/api/freshness', { cache: 'no-store' });
    if (response.ok) publish({ reported: (await response.json()) as ReportedFreshness, reportedAt: Date.now() });
  } catch {
    // offline for a moment: the next minute asks again
  }
  publish({ now: Date.now() });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) timer = window.setInterval(poll, POLL_EVERY_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.clearInterval(timer);
  };
}

/** `rendered` and `renderedAt` are the server's: the first render in the browser says what the
 * server did, then the browser's clock and the latest poll take over. */
export function useEngineFreshness(rendered: ReportedFreshness, renderedAt: string): { reported: ReportedFreshness; now: number } {
  const polled = useSyncExternalStore(subscribe, () => snapshot, () => snapshot);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    publish({ now: Date.now() });
  }, []);
  const renderedMs = Date.parse(renderedAt);
  if (!hydrated) return { reported: rendered, now: renderedMs };
  // A page reached by client navigation may carry a newer report than the last poll.
  const reported = polled.reported && polled.reportedAt > renderedMs ? polled.reported : rendered;
  return { reported, now: Math.max(polled.now, renderedMs) };
}
