// Days and wall-clock times in an organisation's zone, across summer-time changes.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addDays, dayIn, instantOfWallTime, isTimeZone, startOfDayIn, wallTimeIn } from '@/lib/time/zoned-time';

const LA = 'America/Los_Angeles';

it('knows the day and the start of a day in a zone', () => {
  // 05:00 UTC on Nov 30 is still Nov 29 in Los Angeles (UTC-8).
  expect(dayIn(LA, new Date('2026-11-30T05:00:00Z'))).toBe('2026-11-29');
  expect(dayIn('UTC', new Date('2026-11-30T05:00:00Z'))).toBe('2026-11-30');
  expect(startOfDayIn(LA, '2026-11-30').toISOString()).toBe('2026-11-30T08:00:00.000Z');
  expect(startOfDayIn(LA, '2026-07-01').toISOString()).toBe('2026-07-01T07:00:00.000Z');
  expect(startOfDayIn('Asia/Kolkata', '2026-11-30').toISOString()).toBe('2026-11-29T18:30:00.000Z');
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  expect(isTimeZone(LA)).toBe(true);
  expect(isTimeZone('UTC')).toBe(true);
  expect(isTimeZone('Mars/Olympus')).toBe(false);
});

it('handles the days summer time starts and ends', () => {
  // 2026-03-08: 02:00 becomes 03:00 in Los Angeles; the day has 23 hours.
  expect(startOfDayIn(LA, '2026-03-09').getTime() - startOfDayIn(LA, '2026-03-08').getTime()).toBe(23 * 3_600_000);
  expect(instantOfWallTime(LA, '2026-03-08T02:30').toISOString()).toBe('2026-03-08T10:30:00.000Z');
  // 2026-11-01: 02:00 becomes 01:00 again; the day has 25 hours, and 01:30 is its first occurrence.
  expect(startOfDayIn(LA, '2026-11-02').getTime() - startOfDayIn(LA, '2026-11-01').getTime()).toBe(25 * 3_600_000);
  expect(instantOfWallTime(LA, '2026-11-01T01:30').toISOString()).toBe('2026-11-01T08:30:00.000Z');
});

it('turns every instant into a wall time and back', () => {
  const zones = ['UTC', LA, 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo'];
  fc.assert(
    fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.parse('2020-01-01T00:00:00Z') / 60_000, max: Date.parse('2030-01-01T00:00:00Z') / 60_000 }), (zone, minute) => {
      const instant = new Date(minute * 60_000);
      const back = instantOfWallTime(zone, wallTimeIn(zone, instant));
      // Equal, except in the hour a change back repeats (then its first occurrence).
      expect(wallTimeIn(zone, back)).toBe(wallTimeIn(zone, instant));
      expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
      expect(startOfDayIn(zone, dayIn(zone, instant)).getTime()).toBeLessThanOrEqual(instant.getTime());
    }),
    { numRuns: 2_000 },
  );
});
