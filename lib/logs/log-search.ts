// Case-insensitive literal search through a stored log, run by run from a line on: matches are
// reported as they are found (line number, the line's text, where the matches are in it), up to
// a number of matches or a time budget, with the line to continue from. A literal — never a
// regular expression from the admin — so the scan is linear in the log's size.
import type { TextRun } from './log-reader';
import { LINE_MAX_BYTES } from './log-reader';
import { escapeRegExp } from '@/lib/text/escape-regexp';
import { foldedFinder } from './folded-finder';
import { countNewlines } from './log-packer';

export const SEARCH_MAX_QUERY_CHARS = 200;
/** The compressed bytes inflated per step of a scan (about 2–4 MB of text). */
export const SEARCH_RUN_BYTES = 512 * 1024;
/** Past this, a line without an end is searched in pieces (match positions count from the piece). */
const CARRY_MAX_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface SearchMatch {
  line: number;
  /** The line as shown (its first LINE_MAX_BYTES), and where the matches are in it: [start, end) in characters. */
  text: string;
  spans: [number, number][];
}

export type SearchEvent = { kind: 'match'; match: SearchMatch } | { kind: 'end'; nextLine: number | null; scannedTo: number };


/**
 * Scans `runs` (from the block where line `fromLine` starts) for `query`. Ends with where to
 * continue: null when the log was scanned to its end, else the first line not yet scanned.
 */
export async function* searchRuns(
  runs: AsyncIterable<TextRun>,
  query: string,
  fromLine: number,
  limits: { maxMatches: number; deadline: number },
): AsyncGenerator<SearchEvent> {
  // An ASCII query (the usual one) is found in the bytes themselves (folded-finder.ts); any other
  // in the text decoded, by a regular expression of the literal (case folding as JavaScript's /i).
  const ascii = /^[\x20-\x7e]*$/.test(query);
  const finder = ascii ? foldedFinder(query) : null;
  const pattern = new RegExp(escapeRegExp(query), 'gi');
  let found = 0;

  type Found = { start: number; end: number; line: number; spans: [number, number][] };

  /** The matching lines of whole lines of bytes (`firstLine` is the first one's number). */
  function* scan(bytes: Buffer, firstLine: number): Generator<SearchMatch> {
    if (!finder) {
      yield* scanText(bytes.toString('utf8'), firstLine);
      return;
    }
    let counted = 0;
    let lineNumber = firstLine;
    let current: Found | null = null;
    for (let at = finder.find(bytes, 0); at !== -1; at = finder.find(bytes, at + finder.length)) {
      if (!current || at >= current.end) {
        if (current) yield shownBytes(bytes, current);
        lineNumber += countNewlines(bytes, counted, at);
        counted = at;
        const start = at === 0 ? 0 : bytes.lastIndexOf(NEWLINE, at - 1) + 1;
        const newline = bytes.indexOf(NEWLINE, at);
        current = { start, end: newline === -1 ? bytes.length : newline, line: lineNumber, spans: [] };
      }
      current.spans.push([at - current.start, at - current.start + finder.length]);
    }
    if (current) yield shownBytes(bytes, current);
  }

  function* scanText(text: string, firstLine: number): Generator<SearchMatch> {
    pattern.lastIndex = 0;
    let counted = 0;
    let lineNumber = firstLine;
    let current: Found | null = null;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) break;
      const at = match.index;
      if (!current || at >= current.end) {
        if (current) yield cut(text.slice(current.start, current.end), current.line, current.spans);
        for (let nl = text.indexOf('\n', counted); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) {
          lineNumber++;
          counted = nl + 1;
        }
        const start = text.lastIndexOf('\n', at - 1) + 1;
        const newline = text.indexOf('\n', at);
        current = { start, end: newline === -1 ? text.length : newline, line: lineNumber, spans: [] };
      }
      current.spans.push([at - current.start, at - current.start + match[0].length]);
    }
    if (current) yield cut(text.slice(current.start, current.end), current.line, current.spans);
  }

  /** A line found in bytes: its first LINE_MAX_BYTES as text, the spans (byte offsets) in its characters. */
  function shownBytes(bytes: Buffer, line: Found): SearchMatch {
    const shownEnd = Math.min(line.end, line.start + LINE_MAX_BYTES);
    const chars = (offset: number) => bytes.toString('utf8', line.start, line.start + offset).length;
    const spans = line.spans.filter(([s]) => line.start + s < shownEnd).map(([s, e]): [number, number] => [chars(s), chars(Math.min(e, shownEnd - line.start))]);
    return { line: line.line, text: bytes.toString('utf8', line.start, shownEnd), spans };
  }

  function cut(lineText: string, lineNumber: number, spans: [number, number][]): SearchMatch {
    const max = LINE_MAX_BYTES;
    return { line: lineNumber, text: lineText.slice(0, max), spans: spans.filter(([s]) => s < max).map(([s, e]) => [s, Math.min(e, max)]) };
  }

  // Lines are numbered from the runs' newline counts (the block index): a run without a match
  // is inflated, decoded and searched, never walked newline by newline. A line that runs on past
  // a run waits in `carry` (a copy of its start) and is searched once whole.
  let started = false;
  let carry: Buffer | null = null;
  let carryLine = 0;
  let nextLine = fromLine;
  function* searched(bytes: Buffer, firstLine: number): Generator<SearchEvent, boolean> {
    for (const match of scan(bytes, firstLine)) {
      yield { kind: 'match', match };
      found++;
      if (found >= limits.maxMatches) {
        yield { kind: 'end', nextLine: match.line + 1, scannedTo: match.line };
        return true;
      }
    }
    return false;
  }
  for await (const run of runs) {
    let bytes = run.text;
    let firstLine = run.newlinesBefore + 1;
    if (!started) {
      // Skip to the line asked for, counting newlines without decoding.
      let at = 0;
      while (firstLine < fromLine) {
        const end = bytes.indexOf(NEWLINE, at);
        if (end === -1) break;
        firstLine++;
        at = end + 1;
      }
      if (firstLine < fromLine) continue;
      started = true;
      bytes = bytes.subarray(at);
    }
    if (carry) {
      const end = bytes.indexOf(NEWLINE);
      const joined: Buffer = Buffer.concat([carry, end === -1 ? bytes : bytes.subarray(0, end + 1)]);
      if (end === -1 && joined.length <= CARRY_MAX_BYTES) {
        carry = joined;
        continue;
      }
      // The line is whole, or too long to keep whole: searched as it is (positions count from here).
      if (yield* searched(joined, carryLine)) return;
      carry = null;
      if (end === -1) {
        nextLine = carryLine;
        continue;
      }
      bytes = bytes.subarray(end + 1);
      firstLine = carryLine + 1;
    }
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    if (yield* searched(bytes.subarray(0, lastNewline + 1), firstLine)) return;
    if (lastNewline + 1 < bytes.length) {
      carry = Buffer.from(bytes.subarray(lastNewline + 1));
      carryLine = run.newlinesAfter + 1;
    }
    nextLine = run.newlinesAfter + 1;
    if (Date.now() >= limits.deadline) {
      yield { kind: 'end', nextLine, scannedTo: nextLine - 1 };
      return;
    }
  }
  // The last line, when the log does not end with a newline.
  if (carry && carry.length > 0 && (yield* searched(carry, carryLine))) return;
  yield { kind: 'end', nextLine: null, scannedTo: carry && carry.length > 0 ? carryLine : nextLine - 1 };
}
