// CSV as the downloads write it (docs/using-the-panel.md): RFC 4180 via csv-stringify, CRLF, UTF-8 with
// a BOM, times as ISO 8601 UTC to the second, and formula-looking text cells neutralized.
import { stringify } from 'csv-stringify/sync';

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/** OWASP: a text cell that a spreadsheet would take for a formula gets a leading quote. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 19)}Z` : '';
}

export function csvRows(rows: CsvValue[][]): string {
  return stringify(
    rows.map((row) => row.map((value) => (value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : neutralizeFormula(value)))),
    // csv-stringify quotes CRLF but not a bare CR or LF: both would split the row in a spreadsheet.
    // Exactly RFC 4180's (and PostgreSQL COPY's) cases otherwise: a comma, a quote, a line break.
    { record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
}
