// Input an attacker or a broken client sends, for property tests of the edges: the edges of
// every rule (dates out of range, NUL, numbers in words) and anything at all.
import fc from 'fast-check';
import { expect } from 'vitest';
import { isInInstantRange } from '@/lib/time/parse-instant';

/** Values an attacker or a broken client sends: edges of every rule, and anything at all. */
export const hostileText = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  // The edges, most often: a random string seldom hits a rule's boundary.
  { arbitrary: fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '0000-01-01',
    '0000-01-01T00:00:00Z',
    '1999-12-31T23:59:59.999Z',
    '2000-01-01',
    '2026-02-31',
    '2026-11-26T10:00:00+25:00',
    '2099-12-31T23:59:59.999Z',
    '2100-01-01',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '25',
    '100',
    '-1',
    '1e3',
    'NaN',
    '99999999999',
    'error',
    'enabled',
    '-name',
    'occurredAt',
    '-status',
    'email',
    'admin.add',
    '10000000-0000-4000-8000-000000000001',
    '10000000-0000-4000-8000-000000000001,20000000-0000-4000-8000-000000000002',
    'eyJrIjoiMDAwMC0wMS0wMVQwMDowMDowMFoiLCJpZCI6IjEwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMSJ9',
  ), weight: 4 },
  { arbitrary: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((date) => date.toISOString()), weight: 1 },
);

/** Walks a parsed value: every string free of NUL, every date inside the range. */
export function expectSafe(value: unknown, path = 'value'): void {
  if (typeof value === 'string') expect(value.includes('\u0000'), `${path} holds a NUL`).toBe(false);
  else if (value instanceof Date) {
    expect(isInInstantRange(value), `${path} = ${value.toISOString()} is outside the range`).toBe(true);
  } else if (Array.isArray(value)) value.forEach((item, i) => expectSafe(item, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) expectSafe(item, `${path}.${key}`);
}

const maybe = <T,>(value: fc.Arbitrary<T>) => fc.oneof(value, hostileText, fc.constant(null), fc.constant(undefined));
const instant = maybe(fc.date({ min: new Date('1990-01-01'), max: new Date('2110-01-01'), noInvalidDate: true }).map((date) => date.toISOString()));
const email = maybe(fc.constantFrom('a@x.test', 'b@x.test'));
const session = fc.record({
  id: maybe(fc.constantFrom('s1', 's2', 's3')),
  userEmail: email,
  startedAt: instant,
  endedAt: instant,
  status: maybe(fc.constantFrom('success', 'error', 'started')),
  errorCategory: maybe(fc.constant('Throttling')),
  errorSource: maybe(fc.constant('crm')),
  message: hostileText,
  scope: maybe(fc.integer()),
});
const issue = fc.record({
  id: maybe(fc.constantFrom('i1', 'i2')),
  userEmail: email,
  occurredAt: instant,
  type: maybe(fc.constant('email')),
  direction: maybe(fc.constant('outlook_to_salesforce')),
  name: hostileText,
  operation: maybe(fc.constant('create')),
  errorCode: maybe(fc.integer()),
  description: hostileText,
  targetObjectId: hostileText,
});
const user = fc.record({
  email,
  name: hostileText,
  profileId: maybe(fc.constant('p')),
  syncError: fc.oneof(fc.constant(null), fc.record({ reason: hostileText, at: instant })),
  settings: fc.option(fc.dictionary(hostileText, fc.oneof(hostileText, fc.boolean(), fc.constant(null)), { maxKeys: 3 }), { nil: undefined }),
});
/** A batch whose every field may be hostile. */
export const hostileBatch = fc.record(
  {
    profiles: fc.array(fc.record({ id: maybe(fc.constant('p')), name: hostileText }), { maxLength: 2 }),
    users: fc.array(user, { maxLength: 2 }),
    sessions: fc.array(session, { maxLength: 3 }),
    issues: fc.array(issue, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
