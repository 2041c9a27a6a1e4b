// Which log lines are errors and warnings, and how they group: a line's level is an upper-case
// ERROR, FATAL, CRITICAL, WARN or WARNING word near its start (after a time stamp, a thread or a
// bracket), the way the engine and most loggers write it. Lines group by their message with
// the parts that vary from one occurrence to the next — numbers, ids, quoted values — made
// alike, so "retrying after HTTP 503, attempt 2" and "…HTTP 429, attempt 1" are one pattern.

export type LogLevel = 'error' | 'warn';

/** How far into a line the level may stand: past a time stamp and a short logger name. */
export const LEVEL_WITHIN_BYTES = 80;
const MAX_PATTERN_CHARS = 200;
/** Past this many patterns, further ones are counted together (a log of unique errors stays small). */
export const MAX_PATTERNS = 200;
export const OTHER_PATTERN = '(other messages)';

const LEVEL_WORDS: Record<string, LogLevel> = { ERROR: 'error', FATAL: 'error', CRITICAL: 'error', WARN: 'warn', WARNING: 'warn' };
const LEVEL_AT_START = new RegExp(`^.{0,${LEVEL_WITHIN_BYTES}}?(?<![A-Za-z0-9_])(ERROR|FATAL|CRITICAL|WARNING|WARN)(?![A-Za-z0-9_])[\\]:]?\\s*(.*)$`, 's');

/** The byte sequences worth looking for in a block before looking at its lines. */
export const LEVEL_NEEDLES = ['ERROR', 'FATAL', 'CRITICAL', 'WARN'].map((word) => Buffer.from(word, 'latin1'));

export interface LeveledLine {
  level: LogLevel;
  message: string;
}

export function lineLevel(line: string): LeveledLine | null {
  const match = LEVEL_AT_START.exec(line);
  if (!match) return null;
  return { level: LEVEL_WORDS[match[1]!]!, message: match[2]!.trimEnd() };
}

/** The message with what varies between occurrences made alike. */
export function messagePattern(message: string): string {
  return message
    .slice(0, MAX_PATTERN_CHARS * 2)
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b[0-9A-Za-z]*[0-9][0-9A-Za-z]*\b/g, (token) => (/^[0-9]+$/.test(token) ? '#' : '<id>'))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_PATTERN_CHARS);
}

export interface ErrorPattern {
  level: LogLevel;
  pattern: string;
  count: number;
  /** The first line (1-based) with this pattern, and its text as written there. */
  firstLine: number;
  example: string;
}

/** Groups the ERROR and WARN lines of a log as it is read, in bounded memory. */
export class ErrorSummary {
  private readonly patterns = new Map<string, ErrorPattern>();
  firstErrorLine: number | null = null;

  add(lineNumber: number, line: LeveledLine): void {
    if (line.level === 'error' && this.firstErrorLine === null) this.firstErrorLine = lineNumber;
    let pattern = messagePattern(line.message);
    if (!this.patterns.has(`${line.level} ${pattern}`) && this.patterns.size >= MAX_PATTERNS) pattern = OTHER_PATTERN;
    const key = `${line.level} ${pattern}`;
    const known = this.patterns.get(key);
    if (known) known.count += 1;
    else this.patterns.set(key, { level: line.level, pattern, count: 1, firstLine: lineNumber, example: line.message.slice(0, MAX_PATTERN_CHARS) });
  }

  /** Errors before warnings, the most frequent first. */
  patternsByWeight(): ErrorPattern[] {
    return [...this.patterns.values()].sort((a, b) => (a.level === b.level ? b.count - a.count || a.firstLine - b.firstLine : a.level === 'error' ? -1 : 1));
  }
}
