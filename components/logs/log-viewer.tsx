'use client';
// The log viewer of /sessions/{id}/log: the toolbar (Start, First error, Tail, search with
// previous and next, Download log, Full screen), the virtualised lines, and the errors panel.
// Selecting lines (click a line number, shift-click for a range) puts `#L120-L140` in the
// address, so the link opens there again with those lines marked.
import DownloadIcon from '@mui/icons-material/Download';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import FullscreenIcon from '@mui/icons-material/Fullscreen';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import VerticalAlignBottomIcon from '@mui/icons-material/VerticalAlignBottom';
import VerticalAlignTopIcon from '@mui/icons-material/VerticalAlignTop';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorPattern } from '@/lib/logs/log-levels';
import { lineHash, parseLineHash, type LineRange } from '@/lib/logs/log-permalink';
import { ErrorPatternsPanel } from './error-patterns-panel';
import type { LogLineDto } from '@/lib/logs/log-line-dto';
import { LogLinesView, type JumpRequest } from './log-lines-view';
import { useLogLines } from './use-log-lines';
import { MAX_MATCHES, useLogSearch } from './use-log-search';
import styles from './log-viewer.module.css';

export interface LogViewerProps {
  sessionId: string;
  lineCount: number;
  sizeLabel: string;
  firstErrorLine: number | null;
  errorPatterns: ErrorPattern[];
  initialLine: number;
  initialSelection: LineRange | null;
  initialPage: { from: number; lines: LogLineDto[] };
}

const count = (n: number) => n.toLocaleString('en-US');

export function LogViewer({ sessionId, lineCount, sizeLabel, firstErrorLine, errorPatterns, initialLine, initialSelection, initialPage }: LogViewerProps) {
  const root = useRef<HTMLDivElement>(null);
  const lines = useLogLines(sessionId, lineCount, initialPage);
  const search = useLogSearch(sessionId);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<number | null>(null);
  const [selection, setSelection] = useState<LineRange | null>(initialSelection);
  const [jump, setJump] = useState<JumpRequest | null>(null);
  const jumpTo = useCallback((line: number, place: JumpRequest['place'] = 'third') => setJump((j) => ({ line, place, seq: (j?.seq ?? 0) + 1 })), []);

  // A #L… fragment (a shared link, or one typed in) selects those lines and shows them.
  useEffect(() => {
    const fromHash = () => {
      const range = parseLineHash(window.location.hash);
      if (!range) return;
      setSelection(range);
      jumpTo(Math.min(range.first, lineCount));
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [jumpTo, lineCount]);

  const select = (line: number, extend: boolean) => {
    const range = extend && selection ? { first: Math.min(selection.first, line), last: Math.max(selection.last, line) } : { first: line, last: line };
    setSelection(range);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${lineHash(range)}`);
  };

  const matches = search.state.lines;
  const goToMatch = (index: number) => {
    if (matches.length === 0) return;
    const wrapped = (index + matches.length) % matches.length;
    setActive(wrapped);
    jumpTo(matches[wrapped]!);
  };
  // The first match is shown as soon as it is found.
  useEffect(() => {
    if (active === null && matches.length > 0) {
      setActive(0);
      jumpTo(matches[0]!);
    }
  }, [active, matches, jumpTo]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const text = query.trim();
    if (!text) {
      search.clear();
      setActive(null);
      return;
    }
    // Enter again on the same text goes to the next match.
    if (text === search.state.query && matches.length > 0) return goToMatch((active ?? -1) + 1);
    setActive(null);
    search.start(text);
  };

  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen?.();
  };

  const { state } = search;
  const scanned = lineCount > 0 ? Math.min(100, Math.floor((state.scannedTo / lineCount) * 100)) : 100;
  const searchStatus = !state.query
    ? null
    : state.problem
      ? null
      : state.running
        ? `${count(matches.length)} matching lines so far · ${scanned}% scanned`
        : state.capped
          ? `${count(MAX_MATCHES)}+ matching lines: only the first ${count(MAX_MATCHES)} are listed; search for something more precise`
          : matches.length === 0
            ? `No line holds “${state.query}”.`
            : `${active === null ? '' : `${count(active + 1)} of `}${count(matches.length)} matching lines`;

  return (
    <div ref={root} className={styles.viewer}>
      <div className={styles.main}>
        <div className={styles.toolbar}>
          <Button size="small" variant="outlined" startIcon={<VerticalAlignTopIcon />} onClick={() => jumpTo(1)}>
            Start
          </Button>
          {firstErrorLine !== null && (
            <Button size="small" variant="outlined" color="error" startIcon={<ErrorOutlineIcon />} onClick={() => jumpTo(firstErrorLine)}>
              First error (line {count(firstErrorLine)})
            </Button>
          )}
          <Button size="small" variant="outlined" startIcon={<VerticalAlignBottomIcon />} onClick={() => jumpTo(lineCount, 'bottom')}>
            Tail
          </Button>
          <form className={styles.searchForm} role="search" onSubmit={onSearch}>
            <TextField
              className={styles.searchField}
              size="small"
              label="Search the log"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 200, 'aria-describedby': 'log-search-status' } }}
            />
            <Button size="small" variant="contained" type="submit">
              Search
            </Button>
            <IconButton size="small" aria-label="Previous match" disabled={matches.length === 0} onClick={() => goToMatch((active ?? 0) - 1)}>
              <KeyboardArrowUpIcon />
            </IconButton>
            <IconButton size="small" aria-label="Next match" disabled={matches.length === 0} onClick={() => goToMatch((active ?? -1) + 1)}>
              <KeyboardArrowDownIcon />
            </IconButton>
          </form>
          <Button size="small" variant="outlined" startIcon={<DownloadIcon />} component="a" href={`/api/sessions/${sessionId}/log.zip`} download>
            Download log
          </Button>
          <Button size="small" variant="outlined" startIcon={<FullscreenIcon />} onClick={toggleFullScreen}>
            Full screen
          </Button>
        </div>
        <p id="log-search-status" className={styles.status} aria-live="polite">
          {searchStatus ?? `${count(lineCount)} lines · ${sizeLabel}${selection ? ` · line${selection.first === selection.last ? ` ${count(selection.first)}` : `s ${count(selection.first)}–${count(selection.last)}`} selected (the address links to ${selection.first === selection.last ? 'it' : 'them'})` : ''}`}
        </p>
        {state.problem && <p className={styles.problem}>{state.problem}</p>}
        {lines.problem && <p className={styles.problem}>{lines.problem}</p>}
        <LogLinesView
          lineCount={lineCount}
          lines={lines}
          initialLine={initialLine}
          jump={jump}
          query={state.query}
          activeLine={active === null ? null : (matches[active] ?? null)}
          selection={selection}
          onSelect={select}
        />
      </div>
      <ErrorPatternsPanel
        patterns={errorPatterns}
        onJump={(line) => {
          select(line, false);
          jumpTo(line);
        }}
      />
    </div>
  );
}
