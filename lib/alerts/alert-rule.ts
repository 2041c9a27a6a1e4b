// An alert rule as the evaluation reads it: each kind's parameters (zod, so the form's action,
// the evaluation and the tests read them one way, within the bounds of alert-rule-kinds.ts) and
// how its condition reads in a sentence. Server code: the browser's form reads the bounds alone.
// Each kind answers which subjects its condition holds for now (lib/alerts/conditions); the
// reconciliation opens an alert for a new one and closes it when it clears.
import { z } from 'zod';
import { ISSUE_TYPES, type IssueType } from '@/domain/sync-vocabulary';
import { ALERT_RULE_KIND_LABELS, RULE_FIGURES, type AlertRuleKind, type WholeFigure } from './alert-rule-kinds';

export { ALERT_RULE_KINDS, ALERT_RULE_KIND_LABELS, isAlertRuleKind, type AlertRuleKind } from './alert-rule-kinds';

const wholeParam = ({ min, max, fallback }: WholeFigure) => z.coerce.number().int().min(min).max(max).default(fallback);
const hoursParam = ({ min, max, fallback }: WholeFigure) =>
  z.coerce
    .number()
    .int('Hours are whole hours.')
    .min(min, `At least ${min} hour.`)
    .max(max, `At most ${max} hours.`)
    .default(fallback);
const ISSUE_TYPE_NAMES: Record<IssueType, string> = { email: 'email', event: 'event', contact: 'contact', task: 'task' };
const figures = RULE_FIGURES;

export const ALERT_RULE_PARAMS = {
  user_error: z.object({}),
  user_error_streak: z.object({ sessions: wholeParam(figures.user_error_streak.sessions) }),
  user_no_healthy_session: z.object({ hours: hoursParam(figures.user_no_healthy_session.hours) }),
  profile_error_share: z.object({
    hours: hoursParam(figures.profile_error_share.hours),
    percent: wholeParam(figures.profile_error_share.percent),
    minSessions: wholeParam(figures.profile_error_share.minSessions),
  }),
  issue_burst: z.object({
    hours: hoursParam(figures.issue_burst.hours),
    count: wholeParam(figures.issue_burst.count),
    issueType: z.preprocess((value) => (value === '' ? undefined : value), z.enum(ISSUE_TYPES).optional()),
    errorCode: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional()),
  }),
  engine_silent: z.object({ hours: hoursParam(figures.engine_silent.hours) }),
} satisfies Record<AlertRuleKind, z.ZodType>;

export type AlertRuleParams<Kind extends AlertRuleKind> = z.output<(typeof ALERT_RULE_PARAMS)[Kind]>;

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
  figures: Record<string, unknown>;
}
