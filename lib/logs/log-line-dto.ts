// A log line as the lines API and the log page send it to the browser, and the pages the viewer
// reads lines in. No server-only import: the viewer in the browser uses it too.
import type { LogLine } from './log-reader';

export interface LogLineDto {
  n: number;
  text: string;
  truncated?: boolean;
}

/** Lines are fetched and kept in pages of this many: one request per page, a few pages kept. */
export const LINES_PER_PAGE = 200;
export const pageOfLine = (line: number) => Math.floor((line - 1) / LINES_PER_PAGE);

export const lineDto = (line: LogLine): LogLineDto => ({ n: line.number, text: line.text, ...(line.truncated ? { truncated: true } : {}) });
