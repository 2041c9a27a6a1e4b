// Links to lines of a log, as in code hosts: `#L120` or `#L120-L140` after the page's address
// (the browser keeps it, the page marks those lines), and `?line=120` for a link made on the
// server. Read by the page and by the viewer in the browser.

export interface LineRange {
  first: number;
  last: number;
}

const HASH = /^#L(\d{1,16})(?:-L(\d{1,16}))?$/;

/** The range a `#L…` fragment names, in order, or null for any other fragment. */
export function parseLineHash(hash: string): LineRange | null {
  const match = HASH.exec(hash);
  if (!match) return null;
  const a = Number(match[1]);
  const b = match[2] ? Number(match[2]) : a;
  if (a < 1 || b < 1) return null;
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

export function lineHash(range: LineRange): string {
  return range.first === range.last ? `#L${range.first}` : `#L${range.first}-L${range.last}`;
}

/** `?line=N`: a whole number from 1, else null. */
export function parseLineParam(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,16}$/.test(value)) return null;
  const line = Number(value);
  return line >= 1 ? line : null;
}

/** Where the viewer opens: the line asked for, else a failed session's first error, else the start. */
export function openingLine({ asked, firstErrorLine, failed, lineCount }: { asked: number | null; firstErrorLine: number | null; failed: boolean; lineCount: number }): number {
  const line = asked ?? (failed && firstErrorLine ? firstErrorLine : 1);
  return Math.max(1, Math.min(line, lineCount));
}
