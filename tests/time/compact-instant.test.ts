// The short instants the overview's links carry read back as the same instant, and are short.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactInstant, parseInstant } from '@/lib/time/parse-instant';

describe('compactInstant', () => {
  it('writes a day start as a bare date and a whole minute without seconds', () => {
    expect(compactInstant(new Date('2026-11-21T00:00:00Z'))).toBe('2026-11-21');
    expect(compactInstant(new Date('2026-11-21T08:00:00Z'))).toBe('2026-11-21T08:00Z');
    expect(compactInstant(new Date('2026-11-21T08:00:01.500Z'))).toBe('2026-11-21T08:00:01.500Z');
  });

  it('reads back as the same instant, anywhere in the accepted range', () => {
    const instants = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true });
    const wholeMinutes = instants.map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));
    fc.assert(
      fc.property(fc.oneof(instants, wholeMinutes), (date) => {
        expect(parseInstant(compactInstant(date))?.getTime()).toBe(date.getTime());
      }),
    );
  });
});
