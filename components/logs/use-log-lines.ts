'use client';
// The log's lines as the viewer scrolls: fetched a page (LINES_PER_PAGE lines) at a time around
// what is on screen, from the start, the middle or the tail alike, and kept for the pages near
// it (an older page is dropped once many are kept, so a long read does not grow memory).
import { useCallback, useEffect, useRef, useState } from 'react';
import { LINES_PER_PAGE, pageOfLine, type LogLineDto } from '@/lib/logs/log-line-dto';

const KEPT_PAGES = 40;

export interface LogLines {
  line(n: number): LogLineDto | undefined;
  /** Asks for the lines first..last (and a page either side); they arrive later. */
  want(first: number, last: number): void;
  /** A page could not be read: the message to show. */
  problem: string | null;
}

export function useLogLines(sessionId: string, lineCount: number, initial: { from: number; lines: LogLineDto[] }): LogLines {
  const pages = useRef(new Map<number, LogLineDto[]>());
  const loading = useRef(new Set<number>());
  const [, setVersion] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  if (pages.current.size === 0 && initial.lines.length > 0) pages.current.set(pageOfLine(initial.from), initial.lines);
  const lastPage = pageOfLine(Math.max(1, lineCount));

  const fetchPage = useCallback(
    async (page: number) => {
      loading.current.add(page);
      try {
        const response = await fetch(`/api/sessions/${sessionId}/log/lines?from=${page * LINES_PER_PAGE + 1}&count=${LINES_PER_PAGE}`);
        if (!response.ok) {
          setProblem(((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? 'The log could not be read.');
          return;
        }
        const body = (await response.json()) as { lines: LogLineDto[] };
        pages.current.set(page, body.lines);
        // Keep the pages nearest to this one.
        if (pages.current.size > KEPT_PAGES) {
          const farthest = [...pages.current.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page))[0]!;
          pages.current.delete(farthest);
        }
        setProblem(null);
        setVersion((v) => v + 1);
      } catch {
        setProblem('The log could not be read: the connection was lost. Scroll again to retry.');
      } finally {
        loading.current.delete(page);
      }
    },
    [sessionId],
  );

  const want = useCallback(
    (first: number, last: number) => {
      if (lineCount === 0) return;
      const from = Math.max(0, pageOfLine(Math.max(1, first)) - 1);
      const to = Math.min(lastPage, pageOfLine(Math.max(1, last)) + 1);
      for (let page = from; page <= to; page++) {
        if (!pages.current.has(page) && !loading.current.has(page)) void fetchPage(page);
      }
    },
    [fetchPage, lastPage, lineCount],
  );

  // A new log (another session) starts from nothing.
  useEffect(() => () => pages.current.clear(), [sessionId]);

  return {
    line: (n) => pages.current.get(pageOfLine(n))?.[(n - 1) % LINES_PER_PAGE],
    want,
    problem,
  };
}
