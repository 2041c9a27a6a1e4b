import 'server-only';
// A profile leaves the directory only empty: removing one that still has users is refused by
// path unless the same batch moves or removes them, and no user of the batch may stay in (or
// move into) a removed profile. Checked on the batch's own writes, inside its transaction: what
// counts is the directory the batch leaves behind, and a refusal rolls all of it back.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { Transaction } from '@/db/run-transaction';
import { reportedPresent, reportedRemoved, type IngestBatch } from './batch-schema';
import type { IngestProblem } from './resolve-references';
import { keyList } from './sections/batch-rows';

export async function findRemovedProfileProblems(tx: Transaction, tenantId: string, batch: IngestBatch): Promise<IngestProblem[]> {
  const problems: IngestProblem[] = [];
  const removed = (batch.profiles ?? []).flatMap((p, index) => (reportedRemoved(p) ? [{ id: p.id, index }] : []));
  if (removed.length > 0) {
    const occupied = new Map(
      (
        await queryRows<{ engine_id: string; users: number }>(
          tx,
          sql`select p.engine_id, count(*)::int as users
              from profiles p join users u on u.tenant_id = p.tenant_id and u.profile_id = p.id and u.removed_at is null
              where p.tenant_id = ${tenantId}::uuid and p.engine_id in ${keyList(removed.map((p) => p.id))}
              group by p.engine_id`,
        )
      ).map((row) => [row.engine_id, row.users]),
    );
    for (const { id, index } of removed) {
      const users = occupied.get(id);
      if (users) {
        problems.push({
          path: `profiles[${index}]`,
          message: `profile "${id}" still has ${users} user${users === 1 ? '' : 's'}: move them to another profile or remove them in the same batch`,
        });
      }
    }
  }
  const present = (batch.users ?? []).flatMap((u, index) => (reportedPresent(u) ? [{ user: u, index }] : []));
  if (present.length > 0) {
    const inRemovedProfile = new Set(
      (
        await queryRows<{ email: string }>(
          tx,
          sql`select u.email from users u join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id
              where u.tenant_id = ${tenantId}::uuid and u.email in ${keyList(present.map(({ user }) => user.email))} and p.removed_at is not null`,
        )
      ).map((row) => row.email),
    );
    for (const { user, index } of present) {
      if (inRemovedProfile.has(user.email)) {
        problems.push({ path: `users[${index}].profileId`, message: `profile "${user.profileId}" is removed: report it again to bring it back, or name another profile` });
      }
    }
  }
  return problems;
}
