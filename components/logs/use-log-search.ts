'use client';
// A search through the log, as the search API streams it (NDJSON, one matching line at a time):
// the matching lines so far, how far the scan got, and whether it is still going. Each request
// of the API stops after a while with where to continue; this continues until the end of the
// log, or until it holds MAX_MATCHES lines ("refine the search").
import { useCallback, useEffect, useRef, useState } from 'react';

export const MAX_MATCHES = 10_000;

export interface LogSearchState {
  query: string;
  /** The numbers of the lines that hold the query, in order. */
  lines: number[];
  scannedTo: number;
  running: boolean;
  capped: boolean;
  problem: string | null;
}

const IDLE: LogSearchState = { query: '', lines: [], scannedTo: 0, running: false, capped: false, problem: null };

type SearchEvent = { line: number } | { end: true; next: number | null; scannedTo: number };

export function useLogSearch(sessionId: string): { state: LogSearchState; start: (query: string) => void; clear: () => void } {
  const [state, setState] = useState<LogSearchState>(IDLE);
  const controller = useRef<AbortController | null>(null);

  const clear = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState(IDLE);
  }, []);

  const start = useCallback(
    (query: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const lines: number[] = [];
      setState({ ...IDLE, query, running: true });
      const run = async () => {
        let from: number | null = 1;
        let scannedTo = 0;
        while (from !== null) {
          const response = await fetch(`/api/sessions/${sessionId}/log/search?${new URLSearchParams({ q: query, from: String(from) })}`, { signal: abort.signal });
          if (!response.ok || !response.body) {
            const problem = ((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? 'The search failed.';
            setState((s) => ({ ...s, running: false, problem }));
            return;
          }
          from = null;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let pending = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            pending += value;
            const complete = pending.lastIndexOf('\n');
            if (complete === -1) continue;
            for (const text of pending.slice(0, complete).split('\n')) {
              if (!text) continue;
              const event = JSON.parse(text) as SearchEvent;
              if ('end' in event) {
                from = event.next;
                scannedTo = event.scannedTo;
              } else if (lines.at(-1) !== event.line) lines.push(event.line);
            }
            pending = pending.slice(complete + 1);
            // One update per piece read, not per match: a scan can find thousands at once.
            setState((s) => ({ ...s, lines: [...lines] }));
          }
          if (lines.length >= MAX_MATCHES) {
            setState((s) => ({ ...s, lines: lines.slice(0, MAX_MATCHES), scannedTo, running: false, capped: true }));
            return;
          }
          setState((s) => ({ ...s, scannedTo }));
        }
        setState((s) => ({ ...s, lines: [...lines], scannedTo, running: false }));
      };
      run().catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setState((s) => ({ ...s, running: false, problem: error instanceof Error ? `The search stopped: ${error.message}` : 'The search stopped.' }));
      });
    },
    [sessionId],
  );

  useEffect(() => () => controller.current?.abort(), []);
  return { state, start, clear };
}
