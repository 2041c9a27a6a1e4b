// The tables kept in one partition per day (db/migrations/0018_time_partitions.sql has the rule
// for a partition's name and range). A session's logs and log chunks are partitioned by the day
// the session started, so all three leave together; sync issues by the day they occurred.
// Listed in the order retention drops them: what points to a session before the session.

/** A map of the engine's ids to a partitioned table's rows: the row's id (rowIdColumn) and its
 *  time (timeColumn, the partition column, named alike in both). */
export interface EngineIdMap {
  table: string;
  rowIdColumn: string;
  timeColumn: string;
}

export const SESSION_ENGINE_IDS: EngineIdMap = { table: 'sync_session_engine_ids', rowIdColumn: 'session_id', timeColumn: 'started_at' };
export const ISSUE_ENGINE_IDS: EngineIdMap = { table: 'sync_issue_engine_ids', rowIdColumn: 'issue_id', timeColumn: 'occurred_at' };

export interface DayPartitionedTable {
  name: string;
  /** Its engine-id map, whose rows leave with the partition's. */
  engineIds?: EngineIdMap;
}

export const SESSION_DAY_TABLES: DayPartitionedTable[] = [
  { name: 'sync_session_log_chunks' },
  { name: 'sync_session_logs' },
  { name: 'sync_sessions', engineIds: SESSION_ENGINE_IDS },
];

export const ISSUE_DAY_TABLES: DayPartitionedTable[] = [
  { name: 'sync_issues', engineIds: ISSUE_ENGINE_IDS },
];

export const DAY_PARTITIONED_TABLES: DayPartitionedTable[] = [...SESSION_DAY_TABLES, ...ISSUE_DAY_TABLES];
