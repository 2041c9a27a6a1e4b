// What a notification says: one JSON body for webhooks (with a `text` that Slack and Teams
// incoming webhooks show as it is) and the same words for email. Links lead to the panel's pages
// of the subject.
import type { AlertFacts, AlertRule } from './alert-rule';
import { ALERT_RULE_KIND_LABELS } from './alert-rule';

export interface AlertPayload {
  event: 'alert' | 'recovery' | 'test';
  idempotencyKey: string;
  occurredAt: string;
  tenant: { id: string; name: string };
  rule: { id: string; name: string; kind: string } | null;
  user: AlertFacts['user'] | null;
  profile: AlertFacts['profile'] | null;
  figures: AlertFacts['figures'];
  links: Record<string, string>;
  text: string;
}

function describe(event: AlertPayload['event'], rule: Pick<AlertRule, 'name' | 'kind'>, facts: AlertFacts): string {
  const who = facts.user ? `${facts.user.name} (${facts.user.email})` : facts.profile ? `the profile ${facts.profile.name}` : 'your organisation';
  const why = facts.figures.reason ? `: ${facts.figures.reason}` : '';
  if (event === 'recovery') return `Recovered — ${rule.name}: ${who} no longer matches (${ALERT_RULE_KIND_LABELS[rule.kind as keyof typeof ALERT_RULE_KIND_LABELS] ?? rule.kind}).`;
  return `Alert — ${rule.name}: ${who}${facts.profile && facts.user ? ` in ${facts.profile.name}` : ''}${why}.`;
}

export function alertPayload({
  event,
  idempotencyKey,
  occurredAt,
  tenant,
  rule,
  facts,
  panelUrl,
}: {
  event: 'alert' | 'recovery';
  idempotencyKey: string;
  occurredAt: Date;
  tenant: { id: string; name: string };
  rule: Pick<AlertRule, 'id' | 'name' | 'kind'>;
  facts: AlertFacts;
  panelUrl: string;
}): AlertPayload {
  const links: Record<string, string> = {};
  if (facts.user) links.user = `${panelUrl}/users/${facts.user.id}`;
  if (facts.user) links.userStatistics = `${panelUrl}/users/${facts.user.id}/statistics`;
  if (facts.profile) links.profile = `${panelUrl}/profiles/${facts.profile.id}/users`;
  return {
    event,
    idempotencyKey,
    occurredAt: occurredAt.toISOString(),
    tenant,
    rule: { id: rule.id, name: rule.name, kind: rule.kind },
    user: facts.user ?? null,
    profile: facts.profile ?? null,
    figures: facts.figures,
    links,
    text: `${describe(event, rule, facts)}${links.user ? ` ${links.user}` : links.profile ? ` ${links.profile}` : ''}`,
  };
}
