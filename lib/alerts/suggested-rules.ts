import 'server-only';
// The rules a new organisation starts with: the failures admins most often want to hear about,
// off and owned by nobody until an admin turns one on or edits it (then it is theirs and watches
// what they may see). They tell no channel until one is chosen.
import type { Database } from '@/db/client';
import type { Transaction } from '@/db/run-transaction';
import { alertRules } from '@/db/schema';
import type { AlertRuleKind } from './alert-rule';

export const SUGGESTED_RULES: { kind: AlertRuleKind; name: string; params: Record<string, unknown> }[] = [
  { kind: 'user_error', name: 'Users disabled due to an error', params: {} },
  { kind: 'user_no_healthy_session', name: 'Users without a healthy session for a day', params: { hours: 24 } },
  { kind: 'profile_error_share', name: 'Profiles with many failing sessions', params: { hours: 24, percent: 20, minSessions: 20 } },
  { kind: 'engine_silent', name: 'Sync engine silent', params: { hours: 2 } },
];

export async function addSuggestedRules(db: Database | Transaction, tenantId: string): Promise<void> {
  await db.insert(alertRules).values(SUGGESTED_RULES.map((rule) => ({ tenantId, ...rule, ownerAdminId: null, profileIds: null, enabled: false })));
}
