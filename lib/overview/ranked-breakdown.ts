import 'server-only';
// A period rollup broken down by keys (a status, a category and source, an issue code…): per
// key its total and the three profiles with the most of it, ranked in SQL, so the page reads
// keys x 3 rows instead of keys x profiles (200 profiles make thousands), and every breakdown
// of a rollup comes from one scan of it.
import { sql, type SQL } from 'drizzle-orm';

export interface RankedRow {
  set_index: number;
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

export interface BreakdownSet {
  /** The rollup's key columns this breakdown groups by (with the profile). */
  keys: string[];
  /** What it sums per row of the rollup (r), e.g. sessions in error only. */
  value: SQL;
  /** Every profile, not only the three with the most (the profiles' own ranking). */
  everyProfile?: boolean;
}

/** Several breakdowns of one period rollup (`source`, aliased r, filtered by `where`) in one scan, by
 * GROUPING SETS: each row says which set it belongs to (set_index) and carries that set's keys,
 * the profile, its count n and the key's total; three profiles per key unless everyProfile. */
export function rankedBreakdownsQuery(source: SQL, sets: BreakdownSet[], tenantId: string, where: SQL): SQL {
  const allKeys = [...new Set(sets.flatMap((set) => set.keys))];
  const column = (key: string) => sql.raw(`r.${key}`);
  // grouping(a, b, c) has a bit set (a highest) for each key a set does not group by.
  const maskOf = (set: BreakdownSet) => allKeys.reduce((mask, key, i) => mask | (set.keys.includes(key) ? 0 : 1 << (allKeys.length - 1 - i)), 0);
  const groupingSets = sql.join(
    sets.map((set) => sql`(${sql.join([...set.keys.map(column), sql.raw('r.profile_id')], sql`, `)})`),
    sql`, `,
  );
  const setIndex = sql`case grouping(${sql.join(allKeys.map(column), sql`, `)}) ${sql.join(
    sets.map((set, i) => sql`when ${sql.raw(String(maskOf(set)))} then ${sql.raw(String(i))}`),
    sql` `,
  )} end`;
  const sums = sql.join(sets.map((set, i) => sql`sum(${set.value})::int as ${sql.raw(`n${i}`)}`), sql`, `);
  const pick = sql`case set_index ${sql.join(sets.map((_, i) => sql.raw(`when ${i} then n${i}`)), sql` `)} end`;
  const keyNames = sql.raw(allKeys.join(', '));
  const everyProfile = sets.flatMap((set, i) => (set.everyProfile ? [i] : []));
  return sql`with grouped as (
      select ${setIndex} as set_index, ${sql.join(allKeys.map(column), sql`, `)}, r.profile_id, ${sums}
      from ${source} r where ${where}
      group by grouping sets (${groupingSets})
    ), per_profile as (
      -- One text key per set, compared byte by byte ("C"): the locale's collation is slow.
      select set_index, ${keyNames}, profile_id, ${pick} as n, concat_ws(E'\x1f', ${keyNames}) collate "C" as key_text from grouped
    ), ranked as (
      select per_profile.*, (sum(n) over (partition by set_index, key_text))::int as total,
             row_number() over (partition by set_index, key_text order by n desc, profile_id) as rank
      from per_profile where n > 0
    )
    select ranked.*, p.name as profile_name
    from ranked join profiles p on p.tenant_id = ${tenantId}::uuid and p.id = ranked.profile_id
    where ranked.rank <= 3${everyProfile.length > 0 ? sql` or ranked.set_index in (${sql.raw(everyProfile.join(', '))})` : sql``}`;
}

/** The rows grouped per key (keyText tells keys apart), largest first, profiles largest first; ties by name. */
export function breakdownOf<Row extends RankedRow, Key>(rows: Row[], keyOf: (row: Row) => Key, keyText: (key: Key) => string): BreakdownRow<Key>[] {
  const byKey = new Map<string, BreakdownRow<Key>>();
  for (const row of rows) {
    const key = keyOf(row);
    const text = keyText(key);
    const entry = byKey.get(text) ?? { key, count: row.total, topProfiles: [] };
    entry.topProfiles.push({ profileId: row.profile_id, profileName: row.profile_name, count: row.n });
    byKey.set(text, entry);
  }
  // Ties go by name, so equal counts keep their places from one load to the next.
  return [...byKey.entries()]
    .sort(([textA, a], [textB, b]) => b.count - a.count || (textA < textB ? -1 : textA > textB ? 1 : 0))
    .map(([, entry]) => ({ ...entry, topProfiles: entry.topProfiles.sort((a, b) => b.count - a.count || a.profileName.localeCompare(b.profileName) || (a.profileId < b.profileId ? -1 : 1)) }));
}
