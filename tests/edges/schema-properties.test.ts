// Every edge schema — each page's and download's URL, and the engine's batch — answers any input
// with a value or a validation result, never an exception; and what it accepts is safe for the
// database: no NUL in text, every instant inside the accepted range, an end never before its start.
import { defaultStatisticsRange } from '@/lib/time/period-presets';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSearch } from '@/lib/audit/audit-search';
import { batchSchema } from '@/lib/ingest/batch-schema';
import { issueFilterSearch, issueListSearch } from '@/lib/issues/issue-search';
import { overviewSearch } from '@/lib/overview/overview-period';
import { profileListSearch } from '@/lib/profiles/profile-search';
import { parseSearch } from '@/lib/search/parse-search';
import { profileSessionsSearch, sessionDownloadSearch, sessionZipSearch, statisticsSearch } from '@/lib/sessions/session-search';
import { userListSearch } from '@/lib/users/user-search';
import { expectSafe, hostileBatch, hostileText } from '../support/hostile-input';

const RUNS = 5_000;

describe('the URL schemas of pages and downloads', () => {
  const keys = ['from', 'to', 'status', 'errorSource', 'errorCategory', 'ids', 'type', 'operation', 'code', 'sort', 'pageSize', 'after', 'before', 'cursor', 'q', 'action', 'days'];
  const params = fc.dictionary(fc.constantFrom(...keys), fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 })), { maxKeys: 8 });
  const schemas = {
    sessionDownloadSearch,
    sessionZipSearch,
    profileSessionsSearch,
    statisticsSearch: statisticsSearch(defaultStatisticsRange('UTC')),
    issueFilterSearch,
    issueListSearch,
    userListSearch,
    profileListSearch,
    auditSearch,
    overviewSearch: overviewSearch('UTC'),
  };

  it.each(Object.entries(schemas))('%s answers a value or one sentence, and what it accepts is safe', (_, schema) => {
    let accepted = 0;
    fc.assert(
      fc.property(params, (input) => {
        const parsed = parseSearch(schema, input);
        if (parsed.ok) {
          accepted++;
          expectSafe(parsed.value);
        } else expect(parsed.message).toMatch(/^("\w+" |Give a period|A profile export|The page link|The period ends before it starts)/);
      }),
      { numRuns: RUNS },
    );
    // The generator reaches both sides of the rules, not only refusals.
    expect(accepted).toBeGreaterThanOrEqual(RUNS / 1_000);
  });
});

describe("the engine's batch", () => {
  it('answers a value or issues by path, and what it accepts is safe to write', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(hostileBatch, fc.jsonValue()), (input) => {
        const parsed = batchSchema.safeParse(input);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) expect(typeof issue.message).toBe('string');
          return;
        }
        accepted++;
        expectSafe(parsed.data);
        for (const s of parsed.data.sessions ?? []) if (s.endedAt) expect(s.endedAt.getTime()).toBeGreaterThanOrEqual(s.startedAt.getTime());
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 50);
  });

  it('refuses, by path, what the database would refuse', () => {
    const refusal = (input: unknown) => batchSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    const session = { id: 's', userEmail: 'a@x.test', startedAt: '2026-11-26T10:00:00Z', status: 'success' };
    expect(refusal({ sessions: [{ ...session, startedAt: '0000-01-01T00:00:00Z' }] })).toEqual(['sessions.0.startedAt: must be from 2000-01-01 to 2099-12-31 (UTC)']);
    expect(refusal({ sessions: [{ ...session, startedAt: '9999-12-31T00:00:00Z' }] })).toEqual(['sessions.0.startedAt: must be from 2000-01-01 to 2099-12-31 (UTC)']);
    expect(refusal({ sessions: [{ ...session, message: 'a\u0000b' }] })).toEqual(['sessions.0.message: must not contain the NUL character']);
    expect(refusal({ sessions: [{ ...session, startedAt: 'soon', endedAt: '2026-11-26T11:00:00Z' }] })).toEqual(['sessions.0.startedAt: must be an ISO 8601 date-time with a time zone']);
    expect(refusal({ profiles: [{ id: 'p', name: 'Sales\u0000' }] })).toEqual(['profiles.0.name: must not contain the NUL character']);
  });
});
