// The alert history's URL: from, to, status, event, rule, channel, pageSize, cursor (forward only).
import { z } from 'zod';
import { oneOf, pagingFields, periodFields, singleId, toPeriod } from '@/lib/search/fields';

/** What a notification's delivery reached, as the history names it. */
export const DELIVERY_STATUS_LABELS = { queued: 'Queued', sending: 'Sending', retrying: 'Retrying', sent: 'Sent', failed: 'Failed' } as const;
export type DeliveryStatus = keyof typeof DELIVERY_STATUS_LABELS;
export const DELIVERY_STATUSES = Object.keys(DELIVERY_STATUS_LABELS) as DeliveryStatus[];

export const NOTIFICATION_EVENT_LABELS = { alert: 'Alert', recovery: 'Recovery', digest: 'Digest', test: 'Test' } as const;
export type NotificationEvent = keyof typeof NOTIFICATION_EVENT_LABELS;
export const NOTIFICATION_EVENTS = Object.keys(NOTIFICATION_EVENT_LABELS) as NotificationEvent[];

export const alertHistorySearch = z
  .object({
    ...periodFields,
    status: oneOf('status', DELIVERY_STATUSES as [DeliveryStatus, ...DeliveryStatus[]], 'one of queued, sending, retrying, sent, failed'),
    event: oneOf('event', NOTIFICATION_EVENTS as [NotificationEvent, ...NotificationEvent[]], 'one of alert, recovery, digest, test'),
    rule: singleId('rule', 'an alert rule'),
    channel: singleId('channel', 'a channel'),
    pageSize: pagingFields.pageSize,
    cursor: pagingFields.after,
  })
  .transform(toPeriod());
