// The CSV cells of every download: quoting of line breaks, quotes and commas (RFC 4180's cases,
// which PostgreSQL's COPY quotes too; spaces are part of the value and left bare),
// formula neutralization, empty values.
import { describe, expect, it } from 'vitest';
import { csvRows } from '@/lib/exports/csv';

describe('csvRows', () => {
  it.each([
    ['plain', 'plain\r\n'],
    ['a\nb', '"a\nb"\r\n'],
    ['a\rb', '"a\rb"\r\n'],
    ['a\r\nb', '"a\r\nb"\r\n'],
    ['a,b', '"a,b"\r\n'],
    ['a"b', '"a""b"\r\n'],
    [' a', ' a\r\n'],
    ['a ', 'a \r\n'],
    ['x y', 'x y\r\n'],
    ['=1+1', "'=1+1\r\n"],
    ['\tTab', "'\tTab\r\n"],
    ['-2', "'-2\r\n"],
  ])('%j -> %j', (value, line) => {
    expect(csvRows([[value]])).toBe(line);
  });

  it('writes numbers as they are and empty cells for null', () => {
    expect(csvRows([[-2, null, undefined, 0]])).toBe('-2,,,0\r\n');
  });
});
