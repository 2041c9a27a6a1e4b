// The sections of each list's "Filter by" menu (components/filters/filter-by.tsx): which URL
// parameter, its title, and its options in the words the tables use — one place per list, so
// the menu, its chips and the URL schemas (lib/*/…-search.ts) name the same values.
import { ERROR_CODE_MEANINGS } from '@/domain/sync-vocabulary';
import { DELIVERY_STATUS_LABELS, NOTIFICATION_EVENT_LABELS } from '@/lib/alerts/alert-history-search';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/audit-actions';
import { ISSUE_TYPE_LABELS, OPERATION_LABELS } from '@/lib/issues/issue-labels';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { EFFECTIVE_SYNC_STATUS_LABELS } from '@/lib/sync-status/effective-sync-status-labels';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';

export interface FilterOption {
  value: string;
  label: string;
  /** A second line under the label, e.g. what an error code means. */
  detail?: string;
}

export interface FilterSection {
  param: string;
  title: string;
  /** The option that removes the filter. */
  allLabel: string;
  options: FilterOption[];
}

const fromLabels = (labels: Record<string, string>): FilterOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A value the URL names that the list does not offer (an old link) stays selectable and named. */
function withCurrent(options: FilterOption[], current: string | null): FilterOption[] {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}

/** Profiles: the vendor's Synchronization status section, with its Enable / Disable words, and
 * the profiles the sync engine removed (left out of every other choice). */
export const profileFilterSections = (): FilterSection[] => [
  {
    param: 'status',
    title: 'Synchronization status',
    allLabel: 'All but removed',
    options: [
      { value: 'enabled', label: 'Enable' },
      { value: 'disabled', label: 'Disable' },
      { value: 'removed', label: 'Removed', detail: 'Removed by the sync engine' },
    ],
  },
];

/** Users: the effective status, and the engine's reasons of the users disabled due to an error now (lib/users/error-reasons.ts). */
export const userFilterSections = (reasons: { reason: string; users: number }[], currentReason: string | null): FilterSection[] => [
  // Users the engine removed show only when asked for.
  { param: 'status', title: 'Effective synchronization status', allLabel: 'All but removed', options: fromLabels(EFFECTIVE_SYNC_STATUS_LABELS) },
  {
    param: 'reason',
    title: 'Reason of the error',
    allLabel: 'All reasons',
    options: withCurrent(
      reasons.map(({ reason, users }) => ({ value: reason, label: reason, detail: `${users.toLocaleString('en-US')} user${users === 1 ? '' : 's'} disabled due to it` })),
      currentReason,
    ),
  },
];

/** Statistics: status, error source, and the error categories that exist (lib/sessions/error-categories.ts). */
export const sessionFilterSections = (errorCategories: string[], currentCategory: string | null): FilterSection[] => [
  { param: 'status', title: 'Status', allLabel: 'All statuses', options: fromLabels(SESSION_STATUS_LABELS) },
  { param: 'errorSource', title: 'Error source', allLabel: 'All sources', options: fromLabels(ERROR_SOURCE_LABELS) },
  { param: 'errorCategory', title: 'Error category', allLabel: 'All categories', options: withCurrent(errorCategories.map((c) => ({ value: c, label: c })), currentCategory) },
];

/** Sync issues: type, operation, and the error codes with what each means. */
export const issueFilterSections = (errorCodes: number[], currentCode: string | null): FilterSection[] => [
  { param: 'type', title: 'Type', allLabel: 'All types', options: fromLabels(ISSUE_TYPE_LABELS) },
  { param: 'operation', title: 'Operation', allLabel: 'All operations', options: fromLabels(OPERATION_LABELS) },
  {
    param: 'code',
    title: 'Error code',
    allLabel: 'All codes',
    options: withCurrent(
      errorCodes.map((code) => ({ value: String(code), label: String(code), detail: ERROR_CODE_MEANINGS[code] ?? 'Not a documented code' })),
      currentCode,
    ),
  },
];

export const auditFilterSections = (actions: AuditAction[]): FilterSection[] => [
  { param: 'action', title: 'Action', allLabel: 'All actions', options: actions.map((action) => ({ value: action, label: AUDIT_ACTIONS[action] })) },
];

/** The alert history: delivery status, event, and the viewer's rules and channels. */
export const alertHistoryFilterSections = (rules: { id: string; name: string }[], channels: { id: string; name: string }[]): FilterSection[] => [
  { param: 'status', title: 'Status', allLabel: 'All statuses', options: fromLabels(DELIVERY_STATUS_LABELS) },
  { param: 'event', title: 'Event', allLabel: 'All events', options: fromLabels(NOTIFICATION_EVENT_LABELS) },
  { param: 'rule', title: 'Rule', allLabel: 'All rules', options: rules.map((rule) => ({ value: rule.id, label: rule.name })) },
  { param: 'channel', title: 'Channel', allLabel: 'All channels', options: channels.map((channel) => ({ value: channel.id, label: channel.name })) },
];
