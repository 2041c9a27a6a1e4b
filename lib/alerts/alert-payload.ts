// What a notification says: one JSON body for webhooks (with a `text` that Slack and Teams
// incoming webhooks show as it is) and the same words for email. Links lead to the panel's pages
// of the subject.
import type { SessionStatus } from '@/domain/sync-vocabulary';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { describeCondition, isAlertRuleKind, type AlertFacts, type AlertRule } from './alert-rule';

/** A digest's text names this many subjects; its `events` list carries this many. */
const DIGEST_NAMES = 10;
const DIGEST_EVENTS = 200;

export interface AlertPayload {
  event: 'alert' | 'recovery' | 'digest' | 'test';
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

function who(facts: AlertFacts): string {
  if (facts.user) return `${facts.user.name} (${facts.user.email})${facts.profile ? ` in ${facts.profile.name}` : ''}`;
  if (facts.profile) return `the profile ${facts.profile.name}`;
  return 'your organisation';
}

const hoursText = (hours: unknown) => `${hours} hour${hours === 1 ? '' : 's'}`;

function latestSessionText(latest: unknown): string {
  if (!latest || typeof latest !== 'object') return ' (no session yet)';
  const { startedAt, status } = latest as { startedAt?: string; status?: string };
  const label = status && Object.hasOwn(SESSION_STATUS_LABELS, status) ? SESSION_STATUS_LABELS[status as SessionStatus] : status;
  return ` (the latest session started ${startedAt}: ${label})`;
}

/** What the rule found, in a sentence after the subject. */
function findings(kind: string, figures: AlertFacts['figures']): string {
  switch (kind) {
    case 'user_error':
      return figures.reason ? `: ${figures.reason}` : ' is disabled due to an error';
    case 'user_error_streak':
      return ` has had at least ${figures.errorSessions} Error sessions since the last Success or Skipped one${figures.latestErrorAt ? ` (the latest started ${figures.latestErrorAt})` : ''}`;
    case 'user_no_healthy_session':
      return ` has had no Success or Skipped session for ${hoursText(figures.hours)}${latestSessionText(figures.latestSession)}`;
    case 'profile_error_share':
      return `: ${figures.errorPercent} % of ${figures.sessions} sessions ended in Error over the last ${hoursText(figures.hours)}`;
    case 'issue_burst':
      return `: ${figures.issues} sync issues within ${hoursText(figures.hours)}`;
    case 'engine_silent':
      return `: no batch from the sync engine for ${hoursText(figures.hours)}${figures.lastBatchAt ? ` (the last came ${figures.lastBatchAt})` : ''}`;
    default:
      return '';
  }
}

function describe(event: AlertPayload['event'], rule: Pick<AlertRule, 'name' | 'kind' | 'params'>, facts: AlertFacts): string {
  if (event === 'recovery') return `Recovered — ${rule.name}: ${who(facts)} no longer matches (${isAlertRuleKind(rule.kind) ? describeCondition(rule.kind, rule.params) : rule.kind}).`;
  return `Alert — ${rule.name}: ${who(facts)}${findings(rule.kind, facts.figures)}.`;
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
  rule: Pick<AlertRule, 'id' | 'name' | 'kind' | 'params'>;
  facts: AlertFacts;
  panelUrl: string;
}): AlertPayload {
  const links: Record<string, string> = {};
  if (facts.user) links.user = `${panelUrl}/users/${facts.user.id}`;
  if (facts.user) links.userStatistics = `${panelUrl}/users/${facts.user.id}/statistics`;
  if (facts.profile) links.profile = `${panelUrl}/profiles/${facts.profile.id}/users`;
  if (facts.profile && !facts.user) links.profileStatistics = `${panelUrl}/profiles/${facts.profile.id}/statistics`;
  if (!facts.user && !facts.profile) links.overview = `${panelUrl}/`;
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
    text: `${describe(event, rule, facts)} ${links.user ?? links.profileStatistics ?? links.overview}`,
  };
}

/** More events of one rule than a channel should hear one by one: one message that counts them and names the first. */
export function digestPayload({
  idempotencyKey,
  occurredAt,
  tenant,
  rule,
  events,
  withinMinutes,
  panelUrl,
}: {
  idempotencyKey: string;
  occurredAt: Date;
  tenant: { id: string; name: string };
  rule: Pick<AlertRule, 'id' | 'name' | 'kind'>;
  events: { kind: 'alert' | 'recovery'; facts: AlertFacts }[];
  withinMinutes: number;
  panelUrl: string;
}): AlertPayload & { events: { event: 'alert' | 'recovery'; user: AlertFacts['user'] | null; profile: AlertFacts['profile'] | null }[] } {
  const alerts = events.filter((event) => event.kind === 'alert').length;
  const recoveries = events.length - alerts;
  const named = events.slice(0, DIGEST_NAMES);
  const history = `${panelUrl}/alerts/history?rule=${rule.id}`;
  const counts = [alerts > 0 ? `${alerts} new alert${alerts === 1 ? '' : 's'}` : null, recoveries > 0 ? `${recoveries} recover${recoveries === 1 ? 'y' : 'ies'}` : null].filter(Boolean).join(' and ');
  const names = named.map((event) => `${event.kind === 'recovery' ? 'recovered: ' : ''}${who(event.facts)}`).join('; ');
  const more = events.length > named.length ? `; and ${events.length - named.length} more` : '';
  return {
    event: 'digest',
    idempotencyKey,
    occurredAt: occurredAt.toISOString(),
    tenant,
    rule: { id: rule.id, name: rule.name, kind: rule.kind },
    user: null,
    profile: null,
    figures: { alerts, recoveries },
    events: events.slice(0, DIGEST_EVENTS).map((event) => ({ event: event.kind, user: event.facts.user ?? null, profile: event.facts.profile ?? null })),
    links: { history },
    text: `Digest — ${rule.name}: ${counts} (more than the channel hears one by one within ${withinMinutes} minutes): ${names}${more}. ${history}`,
  };
}
