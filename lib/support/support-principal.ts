import 'server-only';
// Who may change tenants' access and admins: a support agent, or the operator's command line.
import type { SupportViewer } from '@/lib/auth/viewer';
import { actorOf, COMMAND_LINE_ACTOR, type AuditActor } from '@/lib/audit/record-audit-event';
import { forbiddenError } from '@/lib/http/errors';

export type SupportPrincipal = SupportViewer | 'command-line';

export function assertSupport(by: SupportPrincipal): AuditActor {
  if (by === 'command-line') return COMMAND_LINE_ACTOR;
  if (by.role !== 'support') throw forbiddenError('Only support agents manage tenants.');
  return actorOf(by);
}
