// The rows behind the golden user CSV: fixed ids and awkward messages (formulas, tabs, CR,
// quotes), so the same rows give the same bytes on every driver and across a migration.
import type { Database } from '@/db/client';
import { profiles, syncSessions, users } from '@/db/schema';

export const PROFILE = '10000000-0000-4000-8000-000000000001';
export const JANE = '20000000-0000-4000-8000-000000000001';
export const BOB = '20000000-0000-4000-8000-000000000002';
export const S = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The SHA-256 of the user statistics CSV of Jane's sessions below; the same on every driver. */
export const GOLDEN_USER_CSV_SHA256 = '8571686d1baa6a9a514f8ec119cb48e84dacc26f26fc84df00c9619a52326d65';
export const GOLDEN_BASE = Date.parse('2026-11-26T10:00:00Z');
export const GOLDEN_DAY = '2026-11-26';

/** Writes the profile, Jane and Bob and their sessions directly (their day's partitions must exist). */
export async function insertGoldenSessions(db: Database, tenantId: string): Promise<void> {
  await db.insert(profiles).values({ tenantId, id: PROFILE, engineId: 'p', name: 'Sales / EMEA' });
  await db.insert(users).values([
    { tenantId, id: JANE, email: 'jane@acme.test', name: 'Jane Roe', profileId: PROFILE },
    { tenantId, id: BOB, email: 'bob@acme.test', name: 'Bob', profileId: PROFILE },
  ]);
  const messages = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tTab', '\rCR', 'Quote "and", comma\nnewline', null];
  await db.insert(syncSessions).values(
    messages.map((message, i) => ({
      tenantId,
      id: S(i + 1),
      engineId: `e${i}`,
      userId: JANE,
      profileId: PROFILE,
      startedAt: new Date(GOLDEN_BASE + i * 3_600_000),
      endedAt: i === 7 ? null : new Date(GOLDEN_BASE + i * 3_600_000 + 31_000),
      status: (['success', 'error', 'skipped', 'canceled', 'error', 'success', 'error', 'started'] as const)[i]!,
      scope: 120,
      changes: i,
      issues: 0,
      errorCategory: i % 2 ? 'Throttling' : null,
      errorSource: i % 2 ? ('mail_server' as const) : null,
      message,
      hasLog: i < 2,
    })),
  );
  await db.insert(syncSessions).values({ tenantId, id: S(99), engineId: 'bob', userId: BOB, profileId: PROFILE, startedAt: new Date(GOLDEN_BASE), status: 'success' });
}
