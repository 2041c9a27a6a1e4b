// The sync and customization settings an admin sets for a profile (and may force), the same
// ones each user has in the sidebar of their mailbox add-in. One definition per setting: its
// words, its values and its default when nobody has set it. README "Sync settings" documents
// each for admins.

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

/** The choices of a setting, value → words, in the order the select lists them. */
const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const DIRECTIONS = choices({ off: 'Off', to_crm: 'Mailbox → Salesforce', to_mailbox: 'Salesforce → Mailbox', both: 'Both ways' });

// A setting's group and words: its label and what it does.
const sync = (label: string, description: string) => ({ group: 'sync' as const, label, description });
const customization = (label: string, description: string) => ({ group: 'customization' as const, label, description });

export const SETTINGS: readonly SettingDefinition[] = [
  { key: 'emailSync', ...sync('Emails', 'Whether emails are saved from the mailbox to Salesforce (emails never go the other way).'), kind: 'choice', options: DIRECTIONS.slice(0, 2), defaultValue: 'to_crm' },
  { key: 'eventSync', ...sync('Events', 'Which way calendar events synchronize.'), kind: 'choice', options: DIRECTIONS, defaultValue: 'both' },
  { key: 'contactSync', ...sync('Contacts', 'Which way contacts synchronize.'), kind: 'choice', options: DIRECTIONS, defaultValue: 'both' },
  { key: 'taskSync', ...sync('Tasks', 'Which way tasks synchronize.'), kind: 'choice', options: DIRECTIONS, defaultValue: 'to_crm' },
  {
    key: 'emailAutoSave',
    ...sync('Auto-save emails', 'Save every sent and received email whose participants match Salesforce records, without the user clicking Save.'),
    kind: 'switch',
    defaultValue: false,
  },
  { key: 'eventAutoSave', ...sync('Auto-save events', 'Save every meeting whose attendees match Salesforce records, without the user clicking Save.'), kind: 'switch', defaultValue: true },
  { key: 'saveAttachments', ...sync('Save attachments', 'Save email attachments as Salesforce files with the email.'), kind: 'switch', defaultValue: true },
  {
    key: 'syncInterval',
    ...sync('Sync interval', 'How often a sync session starts for each user.'),
    kind: 'choice',
    options: choices({ 15: 'Every 15 minutes', 30: 'Every 30 minutes', 60: 'Every hour', 240: 'Every 4 hours' }),
    defaultValue: '30',
  },
  {
    key: 'initialSyncRange',
    ...sync('First sync covers', 'How far back the first sync of a new user reaches.'),
    kind: 'choice',
    options: choices({ 7: 'Last 7 days', 30: 'Last 30 days', 90: 'Last 90 days' }),
    defaultValue: '30',
  },
  {
    key: 'recordMatching',
    ...customization('Match emails to', 'Which Salesforce records an email or event is linked to by its participants’ addresses.'),
    kind: 'choice',
    options: choices({ contacts_and_leads: 'Contacts and leads', contacts: 'Contacts only' }),
    defaultValue: 'contacts_and_leads',
  },
  {
    key: 'createMissingContacts',
    ...customization('Create missing contacts', 'Create a Salesforce contact for a participant no record matches when an email or event is saved.'),
    kind: 'switch',
    defaultValue: false,
  },
  { key: 'sidebarAutoOpen', ...customization('Open the sidebar automatically', 'Open the add-in sidebar beside each email the user reads.'), kind: 'switch', defaultValue: true },
];

export const SETTING_KEYS = SETTINGS.map((s) => s.key);
const byKey = new Map(SETTINGS.map((s) => [s.key, s]));

export function settingDefinition(key: string): SettingDefinition | undefined {
  return byKey.get(key);
}

export function valueLabel(definition: SettingDefinition, value: SettingValue): string {
  if (definition.kind === 'switch') return value ? 'On' : 'Off';
  return definition.options.find((o) => o.value === value)?.label ?? String(value);
}
