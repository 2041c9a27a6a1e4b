// "Failing since / consecutive errors": the first Error session after the last Success or
// Skipped one, and the Error sessions since, whatever other statuses come between.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { failingStreak, recentSessionMarks } from '@/lib/users/sync-story';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

const at = (hour: number) => `2026-11-26T${String(hour).padStart(2, '0')}:00:00.000Z`;
type Status = 'success' | 'skipped' | 'error' | 'canceled' | 'started';

describeEachDatabase('a user’s sync story', (database) => {
  let tenantId: string;
  const idOf = async (email: string) => (await database().db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.email, email))))[0]!.id;
  const sessions = (email: string, statuses: Status[]) =>
    ingest(database().db, tenantId, { sessions: statuses.map((status, i) => ({ id: `${email.replace("@", ".")}-${i}`, userEmail: email, startedAt: at(i + 1), status })) });

  beforeAll(async () => {
    tenantId = (await createTenant(database().db)).id;
    await ingest(database().db, tenantId, {
      profiles: [{ id: 'p', name: 'P' }],
      users: ['failing@t.test', 'recovered@t.test', 'never@t.test', 'idle@t.test'].map((email) => ({ email, name: email, profileId: 'p' })),
    });
    await sessions('failing@t.test', ['error', 'success', 'error', 'canceled', 'started', 'error']);
    await sessions('recovered@t.test', ['error', 'error', 'skipped']);
    await sessions('never@t.test', ['started', 'error', 'error', 'error']);
  });

  it('counts the Error sessions since the last Success, from the first of them', async () => {
    const streak = await failingStreak(tenantId, await idOf('failing@t.test'));
    expect(streak).toMatchObject({ consecutiveErrors: 2, failingSince: { startedAt: at(3), status: 'error' }, lastHealthy: { startedAt: at(2), status: 'success' }, lookbackExhausted: false });
  });

  it('is not failing once a Skipped session follows the errors (Skipped is healthy)', async () => {
    const streak = await failingStreak(tenantId, await idOf('recovered@t.test'));
    expect(streak).toMatchObject({ consecutiveErrors: 0, failingSince: null, lastHealthy: { startedAt: at(3), status: 'skipped' } });
  });

  it('fails since the first error when nothing ever succeeded, and says nothing of a user without sessions', async () => {
    expect(await failingStreak(tenantId, await idOf('never@t.test'))).toMatchObject({ consecutiveErrors: 3, failingSince: { startedAt: at(2) }, lastHealthy: null });
    expect(await failingStreak(tenantId, await idOf('idle@t.test'))).toEqual({ consecutiveErrors: 0, failingSince: null, lastHealthy: null, lookbackExhausted: false });
  });

  it('lists the last sessions oldest first, up to the count asked', async () => {
    const marks = await recentSessionMarks(tenantId, await idOf('failing@t.test'), 4);
    expect(marks.map((m) => [m.startedAt, m.status])).toEqual([
      [at(3), 'error'],
      [at(4), 'canceled'],
      [at(5), 'started'],
      [at(6), 'error'],
    ]);
  });
});
