'use client';
// The log's lines, virtualised: only the rows on screen exist, whatever the log's size. The
// scroll area is as tall as the log up to what browsers allow (a few million pixels); past that
// one pixel of scrollbar stands for several rows, and the wheel and keys move by rows, so the
// log scrolls the same at line 10 and at line 10 million. The rows sit in a sticky window at
// the top of the scroll area, so the first screen is already in the server's HTML.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { lineLevel } from '@/lib/logs/log-levels';
import { escapeRegExp } from '@/lib/text/escape-regexp';
import type { LineRange } from '@/lib/logs/log-permalink';
import type { LogLines } from './use-log-lines';
import styles from './log-viewer.module.css';

export const ROW_PX = 24;
const MAX_SCROLL_PX = 8_000_000;
const SERVER_VIEW_PX = 560;

export interface JumpRequest {
  line: number;
  /** Changes with every request, so jumping to the same line again scrolls again. */
  seq: number;
  /** Where the line goes: a third down the screen, or the bottom (the tail). */
  place: 'third' | 'bottom';
}

interface Props {
  lineCount: number;
  lines: LogLines;
  initialLine: number;
  jump: JumpRequest | null;
  query: string;
  activeLine: number | null;
  selection: LineRange | null;
  onSelect: (line: number, extend: boolean) => void;
}


/** The text with the query's occurrences marked (any case, as the search API matches). */
function highlighted(text: string, query: string): ReactNode {
  if (!query) return text;
  const parts: ReactNode[] = [];
  const pattern = new RegExp(escapeRegExp(query), 'gi');
  let at = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push(<mark key={match.index}>{match[0]}</mark>);
    at = match.index + match[0].length;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(at));
  return parts;
}

export function LogLinesView({ lineCount, lines, initialLine, jump, query, activeLine, selection, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewHeight, setViewHeight] = useState(SERVER_VIEW_PX);
  const total = lineCount * ROW_PX;
  const spacer = Math.min(total, MAX_SCROLL_PX);
  const windowHeight = Math.min(viewHeight, spacer);
  const virtualMax = Math.max(0, total - viewHeight);
  const scrollMax = Math.max(0, spacer - viewHeight);
  const ratio = scrollMax > 0 ? virtualMax / scrollMax : 1;
  const placeOf = useCallback(
    (line: number, place: JumpRequest['place']) => {
      const top = place === 'bottom' ? line * ROW_PX - viewHeight : (line - 1) * ROW_PX - Math.floor(viewHeight / 3);
      return Math.max(0, Math.min(virtualMax, top));
    },
    [viewHeight, virtualMax],
  );
  const [virtualTop, setVirtualTop] = useState(() => Math.max(0, Math.min(Math.max(0, total - SERVER_VIEW_PX), (initialLine - 1) * ROW_PX - Math.floor(SERVER_VIEW_PX / 3))));
  const lastSetScrollTop = useRef<number | null>(null);

  const moveTo = useCallback(
    (top: number) => {
      const clamped = Math.max(0, Math.min(virtualMax, top));
      setVirtualTop(clamped);
      const element = scroller.current;
      if (!element) return;
      const scrollTop = clamped / ratio;
      lastSetScrollTop.current = scrollTop;
      element.scrollTop = scrollTop;
    },
    [ratio, virtualMax],
  );

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    setViewHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  // The first screen: the scrollbar where the rows already are.
  const placedInitially = useRef(false);
  useLayoutEffect(() => {
    if (placedInitially.current || !scroller.current) return;
    placedInitially.current = true;
    moveTo(virtualTop);
  }, [moveTo, virtualTop]);

  useLayoutEffect(() => {
    if (jump) moveTo(placeOf(jump.line, jump.place));
    // Only a new request moves the view, not a resize.
  }, [jump]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    // The scroll event of our own move: the view is where it was set (the pixel is coarser).
    if (lastSetScrollTop.current !== null && Math.abs(element.scrollTop - lastSetScrollTop.current) < 1) return;
    lastSetScrollTop.current = null;
    setVirtualTop(Math.min(virtualMax, element.scrollTop * ratio));
  };

  // Past the browser's height, the wheel moves by the rows it would move in a short log.
  useEffect(() => {
    const element = scroller.current;
    if (!element || ratio <= 1.0001) return;
    const onWheel = (event: WheelEvent) => {
      if (Math.abs(event.deltaY) < Math.abs(event.deltaX)) return;
      event.preventDefault();
      const rows = event.deltaMode === 1 ? event.deltaY * ROW_PX : event.deltaMode === 2 ? event.deltaY * viewHeight : event.deltaY;
      setVirtualTop((top) => {
        const next = Math.max(0, Math.min(virtualMax, top + rows));
        lastSetScrollTop.current = next / ratio;
        element.scrollTop = next / ratio;
        return next;
      });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [ratio, viewHeight, virtualMax]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(ROW_PX, viewHeight - 2 * ROW_PX);
    const moves: Record<string, number> = { ArrowDown: ROW_PX, ArrowUp: -ROW_PX, PageDown: page, PageUp: -page, ' ': event.shiftKey ? -page : page };
    if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(virtualMax);
    else if (event.key in moves) moveTo(virtualTop + moves[event.key]!);
    else return;
    event.preventDefault();
  };

  const first = Math.floor(virtualTop / ROW_PX) + 1;
  const offset = virtualTop - (first - 1) * ROW_PX;
  const last = Math.min(lineCount, first + Math.ceil(viewHeight / ROW_PX));
  const { want } = lines;
  useEffect(() => want(first, last), [want, first, last]);

  const gutter = `${String(lineCount).length + 2}ch`;
  const rows: ReactNode[] = [];
  for (let n = first; n <= last; n++) {
    const line = lines.line(n);
    const level = line ? lineLevel(line.text)?.level : undefined;
    const selected = selection !== null && n >= selection.first && n <= selection.last;
    rows.push(
      <div key={n} className={styles.row} data-level={level} data-selected={selected || undefined} data-active={n === activeLine || undefined}>
        <a
          className={styles.number}
          style={{ width: gutter }}
          href={`#L${n}`}
          onClick={(event) => {
            event.preventDefault();
            onSelect(n, event.shiftKey);
          }}
        >
          {n}
        </a>
        {line ? (
          <span className={styles.text}>
            {highlighted(line.text, query)}
            {line.truncated && <span className={styles.cut}> … (cut at 4 KB: the download has the whole line)</span>}
          </span>
        ) : (
          <span className={styles.loading}>…</span>
        )}
      </div>,
    );
  }

  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label="Log lines" onScroll={onScroll} onKeyDown={onKeyDown}>
      <div className={styles.spacer} style={{ height: spacer }}>
        <div className={styles.window} style={{ height: windowHeight }}>
          <div style={{ transform: `translateY(${-offset}px)` }}>{rows}</div>
        </div>
      </div>
    </div>
  );
}
