'use server';
// Alert rules and channels: the viewer, its scope and the values are checked in the data layer
// (lib/alerts), which audits every change; the answer is a message for the page.
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, tenantAction } from '@/lib/actions/define-action';
import { ALERT_RULE_KINDS, ALERT_RULE_PARAMS } from '@/lib/alerts/alert-rule';
import { createEmailChannel, createWebhookChannel, deleteAlertChannel, sendTestNotification } from '@/lib/alerts/alert-channels';
import { changeAlertRule, createAlertRule, deleteAlertRule, updateAlertRule } from '@/lib/alerts/alert-rules';

const name = z.string().trim().min(1, 'Give it a name.').max(100, 'A name has at most 100 characters.');
const ids = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid()).max(200));
const ALERTS = '/alerts';

const ruleFields = z.looseObject({ id: z.uuid().optional(), name, kind: z.enum(ALERT_RULE_KINDS), scope: z.enum(['all', 'chosen']).default('all'), profileIds: ids, channelIds: ids });

const saveRule = tenantAction(
  ruleFields,
  async (viewer, input) => {
    if (input.scope === 'chosen' && input.profileIds.length === 0) return { ok: false, message: 'Choose at least one profile, or all of them.' };
    // The condition's figures: the fields of its kind, checked by the kind's own schema.
    const params = ALERT_RULE_PARAMS[input.kind].safeParse(Object.fromEntries(Object.keys(ALERT_RULE_PARAMS[input.kind].shape).map((key) => [key, input[key]])));
    if (!params.success) return { ok: false, message: params.error.issues.map((issue) => `${String(issue.path[0] ?? 'value')}: ${issue.message}`).join(' ') };
    const rule = { name: input.name, kind: input.kind, params: params.data, profileIds: input.scope === 'all' ? null : input.profileIds, channelIds: input.channelIds };
    if (input.id) {
      await updateAlertRule(viewer, input.id, rule);
      return { ok: true, message: `Rule “${input.name}” saved.` };
    }
    await createAlertRule(viewer, rule);
    return { ok: true, message: `Rule “${input.name}” created. It is off until you turn it on.` };
  },
  { revalidate: ALERTS },
);

const ruleChange = tenantAction(
  z.object({ id: z.uuid(), change: z.enum(['on', 'off', 'mute', 'unmute', 'delete']) }),
  async (viewer, { id, change }) => {
    if (change === 'delete') {
      await deleteAlertRule(viewer, id);
      return { ok: true, message: 'Rule deleted.' };
    }
    if (change === 'on' || change === 'off') await changeAlertRule(viewer, id, { enabled: change === 'on' });
    else await changeAlertRule(viewer, id, { mutedUntil: change === 'mute' ? new Date(Date.now() + 24 * 3_600_000) : null });
    return { ok: true, message: { on: 'Rule on.', off: 'Rule off.', mute: 'Muted for 24 hours.', unmute: 'No longer muted.' }[change] };
  },
  { revalidate: ALERTS },
);

const newWebhook = tenantAction(
  z.object({ name, url: z.string().trim().max(2_000) }),
  async (viewer, input) => {
    const { secret } = await createWebhookChannel(viewer, input);
    return { ok: true, message: `Webhook “${input.name}” added. Its signing secret, shown only now — keep it with the receiver: ${secret}` };
  },
  { revalidate: ALERTS },
);

const newEmail = tenantAction(
  z.object({ name, addresses: z.string().trim().max(2_000) }),
  async (viewer, input) => {
    await createEmailChannel(viewer, input);
    return { ok: true, message: `Email channel “${input.name}” added. Send it a test to see that mail arrives.` };
  },
  { revalidate: ALERTS },
);

const channelChange = tenantAction(
  z.object({ id: z.uuid(), change: z.enum(['test', 'delete']) }),
  async (viewer, { id, change }) => {
    if (change === 'delete') {
      await deleteAlertChannel(viewer, id);
      return { ok: true, message: 'Channel deleted.' };
    }
    const result = await sendTestNotification(viewer, id);
    if (result.status === 'sent') return { ok: true, message: `Test sent: the receiver answered ${result.responseCode}.` };
    return { ok: false, message: `The test was not received (${result.error ?? 'no answer'}); the panel tries again with backoff.` };
  },
  { revalidate: ALERTS },
);

export async function saveRuleAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return saveRule(formFields(form));
}
export async function changeRuleAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return ruleChange(formFields(form));
}
export async function createWebhookAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return newWebhook(formFields(form));
}
export async function createEmailAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return newEmail(formFields(form));
}
export async function changeChannelAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return channelChange(formFields(form));
}
