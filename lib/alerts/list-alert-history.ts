import 'server-only';
// One page of the alert history: every notification with its rule, subject, channel, time and
// delivery (status, attempts, the receiver's last answer). A platform admin reads all of the
// organisation's; a profile admin those of their own rules. Newest first, keyset-paged on
// (created_at, id).
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { CURSOR_VALUES, decodeCursor, encodeCursor, type PageSize } from '@/lib/paging/cursor';
import type { TimeRange } from '@/lib/time/parse-instant';
import type { AlertFacts } from './alert-rule';
import type { DeliveryStatus, NotificationEvent } from './alert-history-search';

export interface AlertHistoryRow {
  id: string;
  createdAt: string;
  event: NotificationEvent;
  ruleId: string | null;
  ruleName: string | null;
  user: AlertFacts['user'] | null;
  profile: AlertFacts['profile'] | null;
  channelName: string;
  channelKind: string;
  status: DeliveryStatus;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  /** Sent: when; otherwise the next attempt, if any. */
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface AlertHistoryPage {
  rows: AlertHistoryRow[];
  nextCursor: string | null;
}

export interface AlertHistoryQuery {
  range: TimeRange;
  status: DeliveryStatus | null;
  event: NotificationEvent | null;
  rule: string | null;
  channel: string | null;
  cursor: string | null;
  pageSize: PageSize;
}

const STORED_STATUS: Record<DeliveryStatus, string> = { queued: 'pending', sending: 'sending', retrying: 'retrying', sent: 'sent', failed: 'failed' };
const cursorSchema = z.object({ at: CURSOR_VALUES.instant, id: z.uuid() });

/** The notifications the viewer may read: the organisation's, or those of the profile admin's rules. */
export function historyScope(viewer: TenantViewer): SQL {
  const tenant = sql`n.tenant_id = ${viewer.tenantId}::uuid`;
  if (viewer.role === 'platform_admin') return tenant;
  return sql`${tenant} and r.owner_admin_id = ${viewer.adminId}::uuid`;
}

export async function listAlertHistory(viewer: TenantViewer, query: AlertHistoryQuery): Promise<AlertHistoryPage> {
  const conditions: SQL[] = [historyScope(viewer)];
  if (query.range.from) conditions.push(sql`n.created_at >= ${query.range.from}`);
  if (query.range.to) conditions.push(sql`n.created_at < ${query.range.to}`);
  if (query.status) conditions.push(sql`n.status = ${STORED_STATUS[query.status]}`);
  if (query.event) conditions.push(sql`n.kind = ${query.event}`);
  if (query.rule) conditions.push(sql`n.rule_id = ${query.rule}::uuid`);
  if (query.channel) conditions.push(sql`n.channel_id = ${query.channel}::uuid`);
  const after = decodeCursor(query.cursor, cursorSchema);
  if (after) conditions.push(sql`(n.created_at, n.id) < (${new Date(after.at)}, ${after.id}::uuid)`);
  const rows = await queryRows<{
    id: string;
    created_at: Date | string;
    kind: NotificationEvent;
    rule_id: string | null;
    rule_name: string | null;
    user: AlertFacts['user'] | null;
    profile: AlertFacts['profile'] | null;
    channel_name: string;
    channel_kind: string;
    status: string;
    attempts: number;
    response_code: number | null;
    last_error: string | null;
    sent_at: Date | string | null;
    next_attempt_at: Date | string;
  }>(
    getDatabase().db,
    sql`select n.id, n.created_at, n.kind, n.rule_id, coalesce(r.name, n.payload->'rule'->>'name') as rule_name,
          n.payload->'user' as "user", n.payload->'profile' as profile, c.name as channel_name, c.kind as channel_kind,
          n.status, n.attempts, n.response_code, n.last_error, n.sent_at, n.next_attempt_at
        from alert_notifications n
        join alert_channels c on c.tenant_id = n.tenant_id and c.id = n.channel_id
        left join alert_rules r on r.tenant_id = n.tenant_id and r.id = n.rule_id
        where ${sql.join(conditions, sql` and `)}
        order by n.created_at desc, n.id desc
        limit ${query.pageSize + 1}`,
  );
  const page = rows.slice(0, query.pageSize);
  const last = page[page.length - 1];
  const toStatus = (stored: string): DeliveryStatus => (stored === 'pending' ? 'queued' : (stored as DeliveryStatus));
  return {
    rows: page.map((row) => {
      const status = toStatus(row.status);
      return {
        id: row.id,
        createdAt: new Date(row.created_at).toISOString(),
        event: row.kind,
        ruleId: row.rule_id,
        ruleName: row.rule_name,
        user: row.user,
        profile: row.profile,
        channelName: row.channel_name,
        channelKind: row.channel_kind,
        status,
        attempts: row.attempts,
        responseCode: row.response_code,
        lastError: row.last_error,
        sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
        nextAttemptAt: status === 'queued' || status === 'retrying' ? new Date(row.next_attempt_at).toISOString() : null,
      };
    }),
    nextCursor: rows.length > query.pageSize && last ? encodeCursor({ at: new Date(last.created_at).toISOString(), id: last.id }) : null,
  };
}
