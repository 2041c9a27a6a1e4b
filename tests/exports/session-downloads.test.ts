import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, expect, it, vi } from 'vitest';
import { GET as profileCsv } from '@/app/api/profiles/[id]/statistics.csv/route';
import { GET as logZip } from '@/app/api/sessions/[id]/log.zip/route';
import { GET as userCsv, POST as postUserCsv } from '@/app/api/users/[id]/statistics.csv/route';
import { GET as userZip, POST as postUserZip } from '@/app/api/users/[id]/statistics.zip/route';
import { admins, syncSessions, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { storeLogText } from '@/lib/logs/log-store';
import { actAs } from '../support/as-viewer';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';
import { prepareDays } from '../support/day-partitions';
import { GOLDEN_BASE, GOLDEN_DAY, GOLDEN_USER_CSV_SHA256, insertGoldenSessions, JANE, PROFILE, S } from '../support/golden-sessions';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

const call = (handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>, url: string, id: string) =>
  handler(new Request(`http://panel.test${url}`), { params: Promise.resolve({ id }) });

/** A selection as the page posts it: the download's query in a form body. */
const post = (handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>, url: string, id: string, form: Record<string, string>, type = 'application/x-www-form-urlencoded') =>
  handler(new Request(`http://panel.test${url}`, { method: 'POST', headers: { 'content-type': type }, body: new URLSearchParams(form).toString() }), { params: Promise.resolve({ id }) });

const sessionIds = (csv: string) => csv.split('\r\n').slice(1, -1).map((line) => line.slice(0, 36));

describeEachDatabase('session downloads', (database) => {
  let viewer: TenantViewer;
  const log = 'line one\nline two: ünïcödé\n';

  beforeAll(async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'acme-d');
    await prepareDays(db, GOLDEN_DAY, GOLDEN_DAY);
    await insertGoldenSessions(db, tenant.id);
    const base = GOLDEN_BASE;
    for (const [n, startedAt] of [[1, base], [2, base + 3_600_000]] as const) {
      await storeLogText(db, { tenantId: tenant.id, sessionId: S(n), sessionStartedAt: new Date(startedAt) }, Buffer.from(log, 'utf8'), 1 << 20);
    }
    const [boss] = await db.insert(admins).values({ tenantId: tenant.id, email: 'boss@acme.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(db, boss!.id)) as TenantViewer;
    actAs(viewer);
  });

  it('exports the user\'s sessions as RFC 4180 CSV with a BOM, CRLF, ISO times and neutralized formulas', async () => {
    const response = await call(userCsv, `/api/users/${JANE}/statistics.csv`, JANE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="sessions Jane Roe all.csv"; filename*=UTF-8''sessions%20Jane%20Roe%20all.csv`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Session ID,User ID,User email,Synchronization start date,Synchronization end date,Status,Synchronization scope,Changes,Issues,Error category,Error source,Message',
    );
    expect(lines[1]).toBe(`${S(1)},${JANE},jane@acme.test,2026-11-26T10:00:00Z,2026-11-26T10:00:31Z,Success,120,0,0,,,"'=HYPERLINK(""http://x"")"`);
    expect(lines[2]).toBe(`${S(2)},${JANE},jane@acme.test,2026-11-26T11:00:00Z,2026-11-26T11:00:31Z,Error,120,1,0,Throttling,Mail server,'+1`);
    expect(lines[3]!.endsWith(",Skipped,120,2,0,,,'-2")).toBe(true);
    expect(lines[4]!.endsWith(",Canceled,120,3,0,Throttling,Mail server,'@SUM(A1)")).toBe(true);
    expect(lines[5]!.endsWith(",'\tTab")).toBe(true);
    expect(text).toContain(`,"'\rCR"\r\n`);
    expect(text).toContain(',"Quote ""and"", comma\nnewline"\r\n');
    expect(lines.at(-2)!.endsWith(',,Started,120,7,0,Throttling,Mail server,')).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(text).not.toContain(S(99));
    // The same rows give the same bytes on PGlite and on PostgreSQL.
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(hash).toBe(GOLDEN_USER_CSV_SHA256);
  });

  it('exports the period or the selection, and refuses another user\'s session as not found', async () => {
    const period = await (await call(userCsv, `/api/users/${JANE}/statistics.csv?from=2026-11-26T11:00:00Z&to=2026-11-26T13:00:00Z`, JANE)).text();
    expect(period.split('\r\n').slice(1, -1).map((l) => l.slice(0, 36))).toEqual([S(2), S(3)]);
    const selected = await (await call(userCsv, `/api/users/${JANE}/statistics.csv?ids=${S(5)},${S(1)}`, JANE)).text();
    expect(selected.split('\r\n').slice(1, -1).map((l) => l.slice(0, 36))).toEqual([S(1), S(5)]);
    expect((await call(userCsv, `/api/users/${JANE}/statistics.csv?ids=${S(99)}`, JANE)).status).toBe(404);
    const reversed = await call(userCsv, `/api/users/${JANE}/statistics.csv?from=2026-11-27&to=2026-11-26`, JANE);
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error).toMatch(/must be before/);
    expect((await call(userCsv, `/api/users/${JANE}/statistics.csv?from=yesterday`, JANE)).status).toBe(400);
    expect((await call(userCsv, `/api/users/00000000-0000-4000-8000-000000000000/statistics.csv`, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('exports the profile\'s sessions with a sanitized file name', async () => {
    const response = await call(profileCsv, `/api/profiles/${PROFILE}/statistics.csv`, PROFILE);
    expect(response.headers.get('content-disposition')).toContain('filename="sessions Sales _ EMEA all.csv"');
    const lines = (await response.text()).split('\r\n');
    expect(lines).toHaveLength(1 + 9 + 1);
    // A filtered download says so in its name.
    const filtered = await call(profileCsv, `/api/profiles/${PROFILE}/statistics.csv?from=2026-11-26&to=2026-11-27&status=error&errorSource=mail_server`, PROFILE);
    expect(filtered.headers.get('content-disposition')).toContain('filename="sessions Sales _ EMEA 2026-11-26_2026-11-27 status-error errorSource-mail_server.csv"');
    await filtered.arrayBuffer();
  });

  it('zips the period\'s sessions.csv with the logs, and one session\'s log on its own', async () => {
    const response = await call(userZip, `/api/users/${JANE}/statistics.zip?from=2026-11-26&to=2026-11-27`, JANE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(await response.arrayBuffer(), { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual([`logs/${S(1)}.log`, `logs/${S(2)}.log`, 'logs/missing.txt', 'sessions.csv']);
    expect(await zip.file(`logs/${S(1)}.log`)!.async('string')).toBe(log);
    const csv = await zip.file('sessions.csv')!.async('string');
    expect(csv.split('\r\n')).toHaveLength(1 + 8 + 1);
    // Each log is dated by its session's start (UTC; ZIP readers show it as is).
    const shown = (date: Date) => [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes()];
    expect(shown(zip.files[`logs/${S(1)}.log`]!.date)).toEqual([2026, 11, 26, 10, 0]);
    expect(shown(zip.files[`logs/${S(2)}.log`]!.date)).toEqual([2026, 11, 26, 11, 0]);
    // 8 rows, 2 logs: the other 6 are named, not silently left out.
    const missing = (await zip.file('logs/missing.txt')!.async('string')).split('\r\n');
    expect(missing.slice(0, 2)).toEqual(['Sessions of this download without a log (the sync engine sent none):', 'session id,started at (UTC),status']);
    expect(missing.slice(2, -1).map((line) => line.split(',')[0]).sort()).toEqual([3, 4, 5, 6, 7, 8].map(S));
    expect(missing[2]).toMatch(/^[0-9a-f-]{36},2026-11-26T\d\d:00:00.000Z,(success|error|skipped|canceled|started)$/);
    const selected = await JSZip.loadAsync(await (await call(userZip, `/api/users/${JANE}/statistics.zip?ids=${S(1)}`, JANE)).arrayBuffer());
    expect(Object.keys(selected.files).sort()).toEqual([`logs/${S(1)}.log`, 'sessions.csv']);
    expect((await call(userZip, `/api/users/${JANE}/statistics.zip`, JANE)).status).toBe(400);

    const single = await call(logZip, `/api/sessions/${S(2)}/log.zip`, S(2));
    const one = await JSZip.loadAsync(await single.arrayBuffer(), { checkCRC32: true });
    expect(Object.keys(one.files)).toEqual([`${S(2)}.log`]);
    expect(await one.file(`${S(2)}.log`)!.async('string')).toBe(log);
    const none = await call(logZip, `/api/sessions/${S(3)}/log.zip`, S(3));
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ error: 'This session has no log.' });
  });

  it('takes a selection posted as a form: the chosen sessions, or the period except some', async () => {
    const chosen = await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ids: [S(5), S(1)].join(',') });
    expect(chosen.status).toBe(200);
    expect(chosen.headers.get('content-disposition')).toContain('filename="sessions Jane Roe selected-2.csv"');
    expect(sessionIds(await chosen.text())).toEqual([S(1), S(5)]);
    // All of the period but two, named as such.
    const period = { from: '2026-11-26T10:00:00Z', to: '2026-11-26T18:00:00Z' };
    const allBut = await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ...period, except: [S(2), S(7)].join(',') });
    expect(allBut.headers.get('content-disposition')).toContain('filename="sessions Jane Roe 2026-11-26_2026-11-26 except-2.csv"');
    expect(sessionIds(await allBut.text())).toEqual([1, 3, 4, 5, 6, 8].map(S));
    const zip = await JSZip.loadAsync(await (await post(postUserZip, `/api/users/${JANE}/statistics.zip`, JANE, { ...period, except: S(2) })).arrayBuffer());
    expect(Object.keys(zip.files).sort()).toEqual([`logs/${S(1)}.log`, 'logs/missing.txt', 'sessions.csv']);
    // The URL's way stays: the same selection as a GET.
    expect(sessionIds(await (await call(userCsv, `/api/users/${JANE}/statistics.csv?from=${period.from}&to=${period.to}&except=${S(2)},${S(7)}`, JANE)).text())).toEqual([1, 3, 4, 5, 6, 8].map(S));
  });

  it('refuses a posted selection that is both, of another user, not a form, or too large', async () => {
    const both = await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ids: S(1), except: S(2) });
    expect(both.status).toBe(400);
    expect((await both.json()).error).toMatch(/not both/);
    expect((await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ids: S(99) })).status).toBe(404);
    expect((await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ids: S(1) }, 'application/json')).status).toBe(415);
    const tooLarge = await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ids: S(1), padding: 'x'.repeat(70_000) });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toBe('The body is larger than 64 KB.');
    const tooMany = Array.from({ length: 1_001 }, (_, i) => `40000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',');
    expect((await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ids: tooMany })).status).toBe(400);
  });

  it('exports 1,000 chosen sessions, more than a URL can carry', async () => {
    const { db } = database();
    const [jane] = await db.select().from(users).where(eq(users.id, JANE));
    const many = Array.from({ length: 1_000 }, (_, i) => `50000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await prepareDays(db, '2026-10-01', '2026-10-01');
    await db.insert(syncSessions).values(
      many.map((id, i) => ({ tenantId: jane!.tenantId, id, engineId: `many${i}`, userId: JANE, profileId: PROFILE, startedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 60_000), status: 'success' as const })),
    );
    try {
      const response = await post(postUserCsv, `/api/users/${JANE}/statistics.csv`, JANE, { ids: many.join(',') });
      expect(response.headers.get('content-disposition')).toContain('selected-1000.csv');
      expect(sessionIds(await response.text())).toEqual(many);
    } finally {
      await db.delete(syncSessions).where(inArray(syncSessions.id, many));
    }
  });

  it('answers 401 anonymous, 403 for support, 404 for another tenant\'s admin', async () => {
    const { db } = database();
    try {
      actAs(null);
      expect((await call(userCsv, `/api/users/${JANE}/statistics.csv`, JANE)).status).toBe(401);
      const [agent] = await db.insert(admins).values({ tenantId: null, email: 'agent-d@vendor.test', name: 'A', role: 'support' }).returning();
      actAs(await loadViewer(db, agent!.id));
      expect((await call(logZip, `/api/sessions/${S(1)}/log.zip`, S(1))).status).toBe(403);
      const other = await createTenant(db, 'globex-d');
      const [boss] = await db.insert(admins).values({ tenantId: other.id, email: 'boss@globex.test', name: 'G', role: 'platform_admin' }).returning();
      actAs(await loadViewer(db, boss!.id));
      expect((await call(userCsv, `/api/users/${JANE}/statistics.csv`, JANE)).status).toBe(404);
      expect((await call(logZip, `/api/sessions/${S(1)}/log.zip`, S(1))).status).toBe(404);
      expect((await call(profileCsv, `/api/profiles/${PROFILE}/statistics.csv`, PROFILE)).status).toBe(404);
    } finally {
      actAs(viewer);
    }
  });
});
