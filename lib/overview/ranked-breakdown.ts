import 'server-only';
// A period rollup broken down by a key (a status, a category and source, an issue code…): per
// key its total and the three profiles with the most of it, ranked in SQL, so the page reads
// keys x 3 rows instead of keys x profiles (200 profiles make thousands).
import { sql, type SQL } from 'drizzle-orm';

export interface RankedRow {
  total: number;
  profile_id: string;
  profile_name: string;
  n: number;
}

export interface ProfileCount {
  profileId: string;
  profileName: string;
  count: number;
}

export interface BreakdownRow<Key> {
  key: Key;
  count: number;
  /** The profiles with the most of it, for links into their pages. */
  topProfiles: ProfileCount[];
}

/** table aliased r; keys are its columns; where filters r (scope, period, more). */
export function rankedBreakdownQuery(table: string, value: string, keys: string[], tenantId: string, where: SQL): SQL {
  const keyColumns = sql.raw(keys.map((key) => `r.${key}`).join(', '));
  const keyNames = sql.raw(keys.join(', '));
  const sum = sql.raw(`sum(r.${value})`);
  return sql`with per_profile as (
      select ${keyColumns}, r.profile_id, ${sum}::int as n
      from ${sql.raw(table)} r where ${where}
      group by ${keyColumns}, r.profile_id having ${sum} > 0
    ), ranked as (
      select per_profile.*, (sum(n) over (partition by ${keyNames}))::int as total,
             row_number() over (partition by ${keyNames} order by n desc, profile_id) as rank
      from per_profile
    )
    select ranked.*, p.name as profile_name
    from ranked join profiles p on p.tenant_id = ${tenantId}::uuid and p.id = ranked.profile_id
    where ranked.rank <= 3`;
}

/** The rows grouped per key (keyText tells keys apart), largest first, profiles largest first. */
export function breakdownOf<Row extends RankedRow, Key>(rows: Row[], keyOf: (row: Row) => Key, keyText: (key: Key) => string): BreakdownRow<Key>[] {
  const byKey = new Map<string, BreakdownRow<Key>>();
  for (const row of rows) {
    const key = keyOf(row);
    const text = keyText(key);
    const entry = byKey.get(text) ?? { key, count: row.total, topProfiles: [] };
    entry.topProfiles.push({ profileId: row.profile_id, profileName: row.profile_name, count: row.n });
    byKey.set(text, entry);
  }
  return [...byKey.values()]
    .map((entry) => ({ ...entry, topProfiles: entry.topProfiles.sort((a, b) => b.count - a.count) }))
    .sort((a, b) => b.count - a.count);
}
