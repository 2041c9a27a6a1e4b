'use client';
// One setting's value as a native select (On/Off for switches): accessible by its label, and
// the same control on the profile's and the user's Settings tab.
import TextField from '@mui/material/TextField';
import type { SettingDefinition, SettingValue } from '@/lib/settings/catalog';

const encode = (value: SettingValue | null) => (value === null ? '' : String(value));

export function decodeSettingValue(definition: SettingDefinition, text: string): SettingValue | null {
  if (text === '') return null;
  return definition.kind === 'switch' ? text === 'true' : text;
}

export function settingOptions(definition: SettingDefinition): { value: string; label: string }[] {
  return definition.kind === 'switch'
    ? [
        { value: 'true', label: 'On' },
        { value: 'false', label: 'Off' },
      ]
    : [...definition.options];
}

export function SettingValueSelect({
  definition,
  value,
  label,
  emptyLabel,
  disabled,
  onChange,
}: {
  definition: SettingDefinition;
  value: SettingValue | null;
  label: string;
  /** Offered first when set: choosing it clears the value. */
  emptyLabel?: string;
  disabled?: boolean;
  onChange: (value: SettingValue | null) => void;
}) {
  return (
    <TextField
      select
      size="small"
      value={encode(value)}
      disabled={disabled}
      onChange={(event) => onChange(decodeSettingValue(definition, event.target.value))}
      sx={{ minWidth: 220 }}
      slotProps={{ select: { native: true }, htmlInput: { 'aria-label': label } }}
    >
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {settingOptions(definition).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
