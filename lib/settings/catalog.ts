// The sync and customization settings an admin sets for a profile (and may force), the same
// ones each user has in the sidebar of their mailbox add-in. One definition per setting: its
// words, its values and its default when nobody has set it. README "Sync settings" documents
// each for admins.
import { z } from 'zod';

export type SettingValue = string | boolean;

export const SETTING_GROUPS = { sync: 'Sync settings', customization: 'Customization' } as const;
export type SettingGroup = keyof typeof SETTING_GROUPS;

interface BaseDefinition {
  key: string;
  group: SettingGroup;
  label: string;
  description: string;
}

export type SettingDefinition =
  | (BaseDefinition & { kind: 'switch'; defaultValue: boolean })
  | (BaseDefinition & { kind: 'choice'; options: readonly { value: string; label: string }[]; defaultValue: string });

const DIRECTIONS = [
  { value: 'off', label: 'Off' },
  { value: 'to_crm', label: 'Mailbox → Salesforce' },
  { value: 'to_mailbox', label: 'Salesforce → Mailbox' },
  { value: 'both', label: 'Both ways' },
] as const;

export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: 'emailSync',
    group: 'sync',
    label: 'Emails',
    description: 'Whether emails are saved from the mailbox to Salesforce (emails never go the other way).',
    kind: 'choice',
    options: DIRECTIONS.slice(0, 2),
    defaultValue: 'to_crm',
  },
  { key: 'eventSync', group: 'sync', label: 'Events', description: 'Which way calendar events synchronize.', kind: 'choice', options: DIRECTIONS, defaultValue: 'both' },
  { key: 'contactSync', group: 'sync', label: 'Contacts', description: 'Which way contacts synchronize.', kind: 'choice', options: DIRECTIONS, defaultValue: 'both' },
  { key: 'taskSync', group: 'sync', label: 'Tasks', description: 'Which way tasks synchronize.', kind: 'choice', options: DIRECTIONS, defaultValue: 'to_crm' },
  {
    key: 'emailAutoSave',
    group: 'sync',
    label: 'Auto-save emails',
    description: 'Save every sent and received email whose participants match Salesforce records, without the user clicking Save.',
    kind: 'switch',
    defaultValue: false,
  },
  {
    key: 'eventAutoSave',
    group: 'sync',
    label: 'Auto-save events',
    description: 'Save every meeting whose attendees match Salesforce records, without the user clicking Save.',
    kind: 'switch',
    defaultValue: true,
  },
  { key: 'saveAttachments', group: 'sync', label: 'Save attachments', description: 'Save email attachments as Salesforce files with the email.', kind: 'switch', defaultValue: true },
  {
    key: 'syncInterval',
    group: 'sync',
    label: 'Sync interval',
    description: 'How often a sync session starts for each user.',
    kind: 'choice',
    options: [
      { value: '15', label: 'Every 15 minutes' },
      { value: '30', label: 'Every 30 minutes' },
      { value: '60', label: 'Every hour' },
      { value: '240', label: 'Every 4 hours' },
    ],
    defaultValue: '30',
  },
  {
    key: 'initialSyncRange',
    group: 'sync',
    label: 'First sync covers',
    description: 'How far back the first sync of a new user reaches.',
    kind: 'choice',
    options: [
      { value: '7', label: 'Last 7 days' },
      { value: '30', label: 'Last 30 days' },
      { value: '90', label: 'Last 90 days' },
    ],
    defaultValue: '30',
  },
  {
    key: 'recordMatching',
    group: 'customization',
    label: 'Match emails to',
    description: 'Which Salesforce records an email or event is linked to by its participants’ addresses.',
    kind: 'choice',
    options: [
      { value: 'contacts_and_leads', label: 'Contacts and leads' },
      { value: 'contacts', label: 'Contacts only' },
    ],
    defaultValue: 'contacts_and_leads',
  },
  {
    key: 'createMissingContacts',
    group: 'customization',
    label: 'Create missing contacts',
    description: 'Create a Salesforce contact for a participant no record matches when an email or event is saved.',
    kind: 'switch',
    defaultValue: false,
  },
  {
    key: 'sidebarAutoOpen',
    group: 'customization',
    label: 'Open the sidebar automatically',
    description: 'Open the add-in sidebar beside each email the user reads.',
    kind: 'switch',
    defaultValue: true,
  },
];

export const SETTING_KEYS = SETTINGS.map((s) => s.key);
const byKey = new Map(SETTINGS.map((s) => [s.key, s]));

export function settingDefinition(key: string): SettingDefinition | undefined {
  return byKey.get(key);
}

/** The zod schema of one setting's value. */
export function settingValueSchema(definition: SettingDefinition): z.ZodType<SettingValue> {
  if (definition.kind === 'switch') return z.boolean({ error: `"${definition.key}" takes true or false` });
  const values = definition.options.map((o) => o.value);
  return z.string().refine((value) => values.includes(value), { message: `"${definition.key}" takes one of ${values.join(', ')}` });
}

/** Checks a key and a value against the catalog: the value, or a message saying what is wrong. */
export function parseSetting(key: string, value: unknown): { ok: true; definition: SettingDefinition; value: SettingValue } | { ok: false; message: string } {
  const definition = byKey.get(key);
  if (!definition) return { ok: false, message: `Unknown setting "${key}".` };
  const parsed = settingValueSchema(definition).safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? `Invalid value for "${key}".` };
  return { ok: true, definition, value: parsed.data };
}

export function valueLabel(definition: SettingDefinition, value: SettingValue): string {
  if (definition.kind === 'switch') return value ? 'On' : 'Off';
  return definition.options.find((o) => o.value === value)?.label ?? String(value);
}
