// Case-insensitive literal search through a stored log, run by run from a line on: matches are
// reported as they are found (line number, the line's text, where the matches are in it), up to
// a number of matches or a time budget, with the line to continue from. A literal — never a
// regular expression from the admin — so the scan is linear in the log's size.
import type { TextRun } from './log-reader';
import { LINE_MAX_BYTES } from './log-reader';

export const SEARCH_MAX_QUERY_CHARS = 200;
/** The compressed bytes inflated per step of a scan (about 4–8 MB of text). */
export const SEARCH_RUN_BYTES = 1024 * 1024;
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  // An ASCII query folds only ASCII letters (no Unicode case folding without the u flag): the
  // text can then be read as Latin-1, byte for byte, which costs next to nothing.
  const ascii = /^[\x20-\x7e]*$/.test(query);
  const encoding: BufferEncoding = ascii ? 'latin1' : 'utf8';
  const pattern = new RegExp(escapeRegExp(query), 'gi');
  let line = 0; // the number of the line that starts the text being scanned
  let carry: Buffer | null = null;
  let found = 0;

  function* scan(bytes: Buffer, firstLine: number): Generator<SearchMatch> {
    const text = bytes.toString(encoding);
    pattern.lastIndex = 0;
    let counted = 0;
    let lineNumber = firstLine;
    let current: { start: number; end: number; line: number; spans: [number, number][] } | null = null;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) break;
      const at = match.index;
      if (!current || at >= current.end) {
        if (current) yield shown(text, current);
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
    if (current) yield shown(text, current);
  }

  function shown(text: string, found: { start: number; end: number; line: number; spans: [number, number][] }): SearchMatch {
    const raw = text.slice(found.start, found.end);
    if (!ascii) return cut(raw, found.line, found.spans);
    // Latin-1 offsets are byte offsets: turn the line into text, and the spans into its characters.
    const bytes = Buffer.from(raw, 'latin1');
    const chars = (offset: number) => bytes.toString('utf8', 0, offset).length;
    return cut(bytes.toString('utf8'), found.line, found.spans.map(([s, e]) => [chars(s), chars(e)]));
  }

  function cut(lineText: string, lineNumber: number, spans: [number, number][]): SearchMatch {
    const max = LINE_MAX_BYTES;
    return { line: lineNumber, text: lineText.slice(0, max), spans: spans.filter(([s]) => s < max).map(([s, e]) => [s, Math.min(e, max)]) };
  }

  for await (const run of runs) {
    let bytes = run.text;
    if (line === 0) {
      line = run.newlinesBefore + 1;
      // Skip to the line asked for, counting newlines without decoding.
      let at = 0;
      while (line < fromLine) {
        const end = bytes.indexOf(NEWLINE, at);
        if (end === -1) break;
        line++;
        at = end + 1;
      }
      bytes = bytes.subarray(at);
      if (line < fromLine) {
        line = 0;
        continue;
      }
    }
    if (carry) bytes = Buffer.concat([carry, bytes]);
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    let whole = lastNewline === -1 ? bytes.subarray(0, 0) : bytes.subarray(0, lastNewline + 1);
    carry = lastNewline === -1 ? bytes : bytes.subarray(lastNewline + 1);
    if (carry.length > CARRY_MAX_BYTES) {
      whole = Buffer.concat([whole, carry]);
      carry = null;
    } else carry = Buffer.from(carry); // a copy: the run's buffer may be large
    let linesInWhole = 0;
    for (let at = whole.indexOf(NEWLINE); at !== -1; at = whole.indexOf(NEWLINE, at + 1)) linesInWhole++;
    for (const match of scan(whole, line)) {
      yield { kind: 'match', match };
      found++;
      if (found >= limits.maxMatches) {
        const next = match.line + 1;
        yield { kind: 'end', nextLine: next, scannedTo: match.line };
        return;
      }
    }
    line += linesInWhole;
    if (Date.now() >= limits.deadline) {
      yield { kind: 'end', nextLine: line, scannedTo: line - 1 };
      return;
    }
  }
  // The last line, when the log does not end with a newline.
  const lastLine = carry && carry.length > 0 ? carry : null;
  if (lastLine) {
    for (const match of scan(lastLine, line)) {
      yield { kind: 'match', match };
      found++;
      if (found >= limits.maxMatches) break;
    }
  }
  yield { kind: 'end', nextLine: null, scannedTo: lastLine ? line : line - 1 };
}
