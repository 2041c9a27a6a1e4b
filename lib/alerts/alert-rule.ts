// An alert rule as the evaluation reads it, and the kinds of rule there are. Each kind answers
// which subjects its condition holds for now (lib/alerts/conditions); the reconciliation opens an
// alert for a new one and closes it when it clears (reconcile-alerts.ts).
export const ALERT_RULE_KINDS = ['user_error'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

export const ALERT_RULE_KIND_LABELS: Record<AlertRuleKind, string> = {
  user_error: 'A user becomes “Disabled due to an error”',
};

export interface AlertRule {
  tenantId: string;
  id: string;
  kind: AlertRuleKind;
  name: string;
  params: Record<string, unknown>;
  ownerAdminId: string;
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
