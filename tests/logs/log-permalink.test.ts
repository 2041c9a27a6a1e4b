import { describe, expect, it } from 'vitest';
import { lineHash, openingLine, parseLineHash, parseLineParam } from '@/lib/logs/log-permalink';

describe('log permalinks', () => {
  it('reads #L… fragments, in either order, and nothing else', () => {
    expect(parseLineHash('#L120')).toEqual({ first: 120, last: 120 });
    expect(parseLineHash('#L140-L120')).toEqual({ first: 120, last: 140 });
    for (const other of ['', '#', '#L', '#L0', '#l12', '#L12-', '#L12-13', '#top', '#L1e3']) expect(parseLineHash(other), other).toBeNull();
  });

  it('writes a range back as the fragment it was read from', () => {
    expect(lineHash({ first: 7, last: 7 })).toBe('#L7');
    expect(lineHash({ first: 7, last: 9 })).toBe('#L7-L9');
    expect(parseLineHash(lineHash({ first: 7, last: 9 }))).toEqual({ first: 7, last: 9 });
  });

  it('opens at the line asked for, else a failed session\'s first error, else the start, within the log', () => {
    expect(parseLineParam('120')).toBe(120);
    expect(parseLineParam('0')).toBeNull();
    expect(parseLineParam('-3')).toBeNull();
    expect(openingLine({ asked: 50, firstErrorLine: 10, failed: true, lineCount: 100 })).toBe(50);
    expect(openingLine({ asked: null, firstErrorLine: 10, failed: true, lineCount: 100 })).toBe(10);
    expect(openingLine({ asked: null, firstErrorLine: 10, failed: false, lineCount: 100 })).toBe(1);
    expect(openingLine({ asked: 5000, firstErrorLine: null, failed: true, lineCount: 100 })).toBe(100);
    expect(openingLine({ asked: null, firstErrorLine: null, failed: true, lineCount: 0 })).toBe(1);
  });
});
