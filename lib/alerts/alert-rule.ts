// An alert rule as the evaluation reads it, and the kinds of rule there are: each kind's label,
// its parameters (zod, so the form's action, the evaluation and the tests read them one way) and
// how its condition reads in a sentence. Client-safe: the rule form shows the same labels and
// bounds. Each kind answers which subjects its condition holds for now (lib/alerts/conditions);
// the reconciliation opens an alert for a new one and closes it when it clears.
import { z } from 'zod';
import { ISSUE_TYPES, type IssueType } from '@/domain/sync-vocabulary';

const wholeParam = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const hoursParam = (max: number, fallback: number) =>
  z.coerce
    .number()
    .int('Hours are whole hours.')
    .min(1, 'At least 1 hour.')
    .max(max, `At most ${max} hours.`)
    .default(fallback);
const ISSUE_TYPE_NAMES: Record<IssueType, string> = { email: 'email', event: 'event', contact: 'contact', task: 'task' };

export const ALERT_RULE_PARAMS = {
  user_error: z.object({}),
  user_error_streak: z.object({ sessions: wholeParam(2, 100, 3) }),
  user_no_healthy_session: z.object({ hours: hoursParam(720, 24) }),
  profile_error_share: z.object({ hours: hoursParam(168, 24), percent: wholeParam(1, 100, 20), minSessions: wholeParam(1, 100_000, 20) }),
  issue_burst: z.object({
    hours: hoursParam(168, 1),
    count: wholeParam(1, 1_000_000, 50),
    issueType: z.preprocess((value) => (value === '' ? undefined : value), z.enum(ISSUE_TYPES).optional()),
    errorCode: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional()),
  }),
  engine_silent: z.object({ hours: hoursParam(168, 2) }),
} satisfies Record<string, z.ZodType>;

export type AlertRuleKind = keyof typeof ALERT_RULE_PARAMS;
export const ALERT_RULE_KINDS = Object.keys(ALERT_RULE_PARAMS) as [AlertRuleKind, ...AlertRuleKind[]];
export type AlertRuleParams<Kind extends AlertRuleKind> = z.output<(typeof ALERT_RULE_PARAMS)[Kind]>;

export const ALERT_RULE_KIND_LABELS: Record<AlertRuleKind, string> = {
  user_error: 'A user becomes “Disabled due to an error”',
  user_error_streak: 'A user has Error sessions in a row',
  user_no_healthy_session: 'An enabled user has no Success or Skipped session for hours',
  profile_error_share: 'A profile’s share of Error sessions is too high',
  issue_burst: 'Many sync issues in a profile',
  engine_silent: 'No data from the sync engine',
};

/** What a rule's subjects are: the notifications and the history link to them. */
export const ALERT_RULE_SUBJECTS: Record<AlertRuleKind, 'user' | 'profile' | 'tenant'> = {
  user_error: 'user',
  user_error_streak: 'user',
  user_no_healthy_session: 'user',
  profile_error_share: 'profile',
  issue_burst: 'profile',
  engine_silent: 'tenant',
};

export function isAlertRuleKind(kind: string): kind is AlertRuleKind {
  return Object.hasOwn(ALERT_RULE_PARAMS, kind);
}

/** The rule's parameters, validated; its defaults where it has none. Throws on values out of bounds. */
export function parseRuleParams<Kind extends AlertRuleKind>(kind: Kind, params: unknown): AlertRuleParams<Kind> {
  return ALERT_RULE_PARAMS[kind].parse(params ?? {}) as AlertRuleParams<Kind>;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The condition in a sentence, with its figures: the rules table and the notifications say it so. */
export function describeCondition(kind: AlertRuleKind, rawParams: unknown): string {
  switch (kind) {
    case 'user_error':
      return ALERT_RULE_KIND_LABELS.user_error;
    case 'user_error_streak': {
      const { sessions } = parseRuleParams(kind, rawParams);
      return `A user has ${sessions} Error sessions since their last Success or Skipped one`;
    }
    case 'user_no_healthy_session': {
      const { hours } = parseRuleParams(kind, rawParams);
      return `An enabled user has no Success or Skipped session for ${plural(hours, 'hour')}`;
    }
    case 'profile_error_share': {
      const { hours, percent, minSessions } = parseRuleParams(kind, rawParams);
      return `More than ${percent} % of a profile’s sessions end in Error over ${plural(hours, 'hour')} (at least ${plural(minSessions, 'session')})`;
    }
    case 'issue_burst': {
      const { hours, count, issueType, errorCode } = parseRuleParams(kind, rawParams);
      const what = [issueType ? ISSUE_TYPE_NAMES[issueType] : null, 'sync issues', errorCode !== undefined ? `with error code ${errorCode}` : null].filter(Boolean).join(' ');
      return `More than ${count} ${what} in a profile within ${plural(hours, 'hour')}`;
    }
    case 'engine_silent': {
      const { hours } = parseRuleParams(kind, rawParams);
      return `No batch from the sync engine for ${plural(hours, 'hour')}`;
    }
  }
}

export interface AlertRule {
  tenantId: string;
  id: string;
  kind: AlertRuleKind;
  name: string;
  params: Record<string, unknown>;
  /** Null for a suggested rule nobody has taken on yet (it is off, and watches nothing). */
  ownerAdminId: string | null;
  /** The chosen profiles; null: every profile its owner may see. */
  profileIds: string[] | null;
  mutedUntil: Date | null;
}

/** What an alert is about, as its notifications say it. */
export interface AlertFacts {
  user?: { id: string; email: string; name: string };
  profile?: { id: string; name: string };
  /** The figures of the condition (the engine's reason, since when, counts). */
  figures: Record<string, string | number | null>;
}
