// Every page and download reads its URL through its area's zod schema and answers one shape:
// the value, or a sentence in one style ("name" must be …) — never an exception.
import { defaultStatisticsRange } from '@/lib/time/period-presets';
import { describe, expect, it } from 'vitest';
import { auditSearch } from '@/lib/audit/audit-search';
import { issueFilterSearch, issueListSearch, narrowsIssues } from '@/lib/issues/issue-search';
import { overviewSearch } from '@/lib/overview/overview-period';
import { profileListSearch } from '@/lib/profiles/profile-search';
import { parseSearch } from '@/lib/search/parse-search';
import { profileSessionsSearch, sessionDownloadSearch, sessionZipSearch, statisticsSearch } from '@/lib/sessions/session-search';
import { userListSearch } from '@/lib/users/user-search';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const messageOf = (result: { ok: boolean; message?: string }) => (result.ok ? null : result.message);

describe('the sessions query', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const defaults = defaultStatisticsRange('UTC', now);

  it('takes bare dates as 00:00 UTC and keeps the filters', () => {
    const parsed = parseSearch(sessionDownloadSearch, new URLSearchParams('from=2026-11-01&to=2026-11-02T10:00:00Z&status=error&errorSource=crm&errorCategory=Auth'));
    expect(parsed).toEqual({
      ok: true,
      value: { range: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T10:00:00Z') }, status: 'error', errorSource: 'crm', errorCategory: 'Auth', user: null, ids: null, except: null },
    });
  });

  it('fills a Statistics tab from its defaults, newest first, 25 a page', () => {
    const parsed = parseSearch(statisticsSearch(defaults), {});
    expect(parsed).toEqual({
      ok: true,
      value: { range: defaults, status: null, errorSource: null, errorCategory: null, user: null, sort: { sort: 'startedAt', direction: 'desc' }, pageSize: 25, page: { after: null, before: null } },
    });
    expect(parseSearch(statisticsSearch(defaults), { sort: 'status', pageSize: '100', after: 'abc' })).toMatchObject({
      ok: true,
      value: { sort: { sort: 'status', direction: 'asc' }, pageSize: 100, page: { after: 'abc', before: null } },
    });
  });

  it('checks the period against the defaults it completes', () => {
    expect(messageOf(parseSearch(statisticsSearch(defaults), { from: '2026-12-25' }))).toBe('The period ends before it starts: "from" must be before "to".');
    expect(messageOf(parseSearch(sessionDownloadSearch, { from: '2026-11-27', to: '2026-11-27' }))).toMatch(/ends before it starts/);
  });

  it.each([
    [{ from: 'yesterday' }, '"from" must be an ISO 8601 date or date-time from 2000-01-01 to 2099-12-31 (UTC), such as 2026-11-26 or 2026-11-26T10:00:00Z.'],
    [{ to: '2026-02-31' }, '"to" must be an ISO 8601 date or date-time from 2000-01-01 to 2099-12-31 (UTC), such as 2026-11-26 or 2026-11-26T10:00:00Z.'],
    [{ from: '0000-01-01' }, '"from" must be an ISO 8601 date or date-time from 2000-01-01 to 2099-12-31 (UTC), such as 2026-11-26 or 2026-11-26T10:00:00Z.'],
    [{ to: '2100-01-01T00:00:00Z' }, '"to" must be an ISO 8601 date or date-time from 2000-01-01 to 2099-12-31 (UTC), such as 2026-11-26 or 2026-11-26T10:00:00Z.'],
    [{ errorCategory: 'Auth\u0000' }, '"errorCategory" must not contain control characters.'],
    [{ status: 'failed' }, '"status" must be one of ready, started, success, skipped, canceled, error.'],
    [{ errorSource: 'network' }, '"errorSource" must be one of crm, mail_server, sync_application.'],
    [{ errorCategory: 'x'.repeat(101) }, '"errorCategory" must be at most 100 characters.'],
    [{ ids: 'not-an-id' }, '"ids" must be session ids separated by commas.'],
    [{ ids: Array.from({ length: 1_001 }, (_, i) => ID(i)).join(',') }, '"ids" takes at most 1,000 session ids.'],
  ])('answers %j with one sentence', (params, message) => {
    expect(messageOf(parseSearch(sessionDownloadSearch, params))).toBe(message);
  });

  it('keeps a selection distinct and in order', () => {
    expect(parseSearch(sessionDownloadSearch, { ids: `${ID(2)}, ${ID(1)},${ID(2)},` })).toMatchObject({ ok: true, value: { ids: [ID(2), ID(1)] } });
  });

  it('asks the ZIP for a period or a selection, and a profile CSV for no selection', () => {
    expect(messageOf(parseSearch(sessionZipSearch, { from: '2026-11-01' }))).toBe('Give a period (from and to) or a selection (ids).');
    expect(parseSearch(sessionZipSearch, { ids: ID(1) }).ok).toBe(true);
    expect(parseSearch(sessionZipSearch, { from: '2026-11-01', to: '2026-11-02' }).ok).toBe(true);
    expect(messageOf(parseSearch(profileSessionsSearch, { ids: ID(1) }))).toBe('A profile export takes a period, not a selection.');
    expect(parseSearch(profileSessionsSearch, {}).ok).toBe(true);
  });
});

describe('the other areas', () => {
  it('says whether the issues are narrowed, by what was understood (error code 0 counts, a blank field does not)', () => {
    const narrows = (query: Record<string, string>) => {
      const parsed = parseSearch(issueFilterSearch, query);
      if (!parsed.ok) throw new Error(parsed.message);
      return narrowsIssues(parsed.value);
    };
    expect(narrows({})).toBe(false);
    expect(narrows({ type: '', code: '' })).toBe(false);
    expect(narrows({ code: '0' })).toBe(true);
    expect(narrows({ type: 'email' })).toBe(true);
    expect(narrows({ operation: 'update' })).toBe(true);
    expect(narrows({ from: '2026-11-01' })).toBe(true);
  });

  it.each([
    [issueFilterSearch, { code: '12.5' }, '"code" must be a whole number.'],
    [issueFilterSearch, { code: '99999999999' }, '"code" must be a whole number.'],
    [issueFilterSearch, { type: 'meeting' }, '"type" must be one of email, event, contact, task.'],
    [issueListSearch, { sort: 'code' }, '"sort" must be one of occurredAt, -occurredAt.'],
    [issueListSearch, { pageSize: '10' }, '"pageSize" must be 25, 50 or 100.'],
    [userListSearch, { status: 'paused' }, '"status" must be enabled, disabled, error or removed.'],
    [userListSearch, { q: 'x'.repeat(201) }, '"q" must be at most 200 characters.'],
    [userListSearch, { q: 'ada\u0000' }, '"q" must not contain control characters.'],
    [userListSearch, { sort: '-phone' }, '"sort" must be one of name, -name, email, -email.'],
    [profileListSearch, { status: 'error' }, '"status" must be enabled, disabled or removed.'],
    [auditSearch, { action: 'user.delete' }, '"action" must be one of the listed actions.'],
    [overviewSearch('UTC'), { days: '14' }, '"days" must be one of 1, 7, 30, 90.'],
  ] as const)('answers a bad value with one sentence (%#)', (schema, params, message) => {
    expect(messageOf(parseSearch(schema, params))).toBe(message);
  });

  it('gives each list the shape its query takes', () => {
    expect(parseSearch(userListSearch, { status: 'error', q: '  ada ', sort: '-email' })).toEqual({
      ok: true,
      value: { status: 'error', reason: null, q: 'ada', sort: 'email', direction: 'desc', pageSize: 25, page: { after: null, before: null } },
    });
    expect(parseSearch(userListSearch, { reason: ' Mailbox rejected the credentials ' })).toMatchObject({ ok: true, value: { reason: 'Mailbox rejected the credentials' } });
    expect(parseSearch(userListSearch, { reason: 'x'.repeat(2_001) })).toEqual({ ok: false, message: '"reason" must be at most 2000 characters.' });
    expect(parseSearch(profileListSearch, { sort: '-name', before: 'c' })).toEqual({ ok: true, value: { status: null, direction: 'desc', pageSize: 25, page: { after: null, before: 'c' } } });
    expect(parseSearch(auditSearch, { action: 'admin.add', cursor: 'c', pageSize: '50' })).toEqual({
      ok: true,
      value: { range: { from: null, to: null }, action: 'admin.add', cursor: 'c', pageSize: 50 },
    });
    expect(parseSearch(issueFilterSearch, { code: '-4', operation: 'delete' })).toMatchObject({ ok: true, value: { code: -4, operation: 'delete', type: null } });
    expect(parseSearch(overviewSearch('UTC', new Date('2026-11-30T08:00:00Z')), { days: '1' })).toMatchObject({ ok: true, value: { days: 1, from: '2026-11-30', to: '2026-12-01' } });
  });

  it('reads a repeated parameter once and an empty one as absent', () => {
    expect(parseSearch(userListSearch, { status: ['disabled', 'paused'], q: '' })).toMatchObject({ ok: true, value: { status: 'disabled', q: null } });
    expect(parseSearch(userListSearch, new URLSearchParams('status=&status=error'))).toMatchObject({ ok: true, value: { status: null } });
  });
});
