// Checks a setting's value against the catalog (what admins save, what the engine reports).
// Apart from the catalog, which the browser's settings editors read, so that zod stays on the server.
import { z } from 'zod';
import { settingDefinition, type SettingDefinition, type SettingValue } from './catalog';

/** The zod schema of one setting's value. */
export function settingValueSchema(definition: SettingDefinition): z.ZodType<SettingValue> {
  if (definition.kind === 'switch') return z.boolean({ error: `"${definition.key}" takes true or false` });
  const values = definition.options.map((o) => o.value);
  return z.string().refine((value) => values.includes(value), { message: `"${definition.key}" takes one of ${values.join(', ')}` });
}

/** Checks a key and a value against the catalog: the value, or a message saying what is wrong. */
export function parseSetting(key: string, value: unknown): { ok: true; definition: SettingDefinition; value: SettingValue } | { ok: false; message: string } {
  const definition = settingDefinition(key);
  if (!definition) return { ok: false, message: `Unknown setting "${key}".` };
  const parsed = settingValueSchema(definition).safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? `Invalid value for "${key}".` };
  return { ok: true, definition, value: parsed.data };
}
