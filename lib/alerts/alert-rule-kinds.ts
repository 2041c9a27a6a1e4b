// The kinds of alert rule, their labels and the bounds of their figures: what the rule form
// shows in the browser. Kept apart from the parameters' zod schemas (lib/alerts/alert-rule.ts),
// which build on these bounds, so the form's JavaScript carries no validation library.
export const ALERT_RULE_KINDS = ['user_error', 'user_error_streak', 'user_no_healthy_session', 'profile_error_share', 'issue_burst', 'engine_silent'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

export const ALERT_RULE_KIND_LABELS: Record<AlertRuleKind, string> = {
  user_error: 'A user becomes “Disabled due to an error”',
  user_error_streak: 'A user has Error sessions in a row',
  user_no_healthy_session: 'An enabled user has no Success or Skipped session for hours',
  profile_error_share: 'A profile’s share of Error sessions is too high',
  issue_burst: 'Many sync issues in a profile',
  engine_silent: 'No data from the sync engine',
};

/** Kinds whose condition only a batch can change (a user's error, their newest sessions): they
 *  are evaluated right after each batch. The others count hours, and time alone changes them:
 *  the scheduled step evaluates them (and these again, in case an evaluation was lost). */
export const EVENT_RULE_KINDS: readonly AlertRuleKind[] = ['user_error', 'user_error_streak'];

export interface WholeFigure {
  min: number;
  max: number;
  fallback: number;
}

/** Each kind's whole-number figures: the form's field bounds and the server's checks. */
export const RULE_FIGURES = {
  user_error: {},
  user_error_streak: { sessions: { min: 2, max: 100, fallback: 3 } },
  user_no_healthy_session: { hours: { min: 1, max: 720, fallback: 24 } },
  profile_error_share: {
    hours: { min: 1, max: 168, fallback: 24 },
    percent: { min: 1, max: 100, fallback: 20 },
    minSessions: { min: 1, max: 100_000, fallback: 20 },
  },
  issue_burst: { hours: { min: 1, max: 168, fallback: 1 }, count: { min: 1, max: 1_000_000, fallback: 50 } },
  engine_silent: { hours: { min: 1, max: 168, fallback: 2 } },
} as const satisfies Record<AlertRuleKind, Record<string, WholeFigure>>;

export function isAlertRuleKind(kind: string): kind is AlertRuleKind {
  return (ALERT_RULE_KINDS as readonly string[]).includes(kind);
}
