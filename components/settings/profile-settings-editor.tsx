'use client';
// The profile's Settings tab: each setting's value (what users get unless they chose their own)
// and whether it is forced (users then see it greyed out and cannot change it). Each change is
// saved at once, audited, and reaches the sync engine with its next poll.
import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { useState } from 'react';
import { setProfileSettingAction } from '@/app/settings/actions';
import type { SettingValue } from '@/lib/settings/catalog';
import type { ProfileSettingView } from '@/lib/settings/profile-settings';
import { SettingsTable } from './settings-table';
import { SettingValueSelect } from './setting-value-select';
import { useSettingSaver } from './use-setting-saver';

type Entry = { value: SettingValue; forced: boolean };

export function ProfileSettingsEditor({ profileId, settings }: { profileId: string; settings: ProfileSettingView[] }) {
  const [entries, setEntries] = useState<Record<string, Entry>>(() => Object.fromEntries(settings.map((s) => [s.definition.key, { value: s.value, forced: s.forced }])));
  const { answer, pending, save } = useSettingSaver();
  const change = (key: string, next: Entry) => {
    const previous = entries[key]!;
    setEntries((current) => ({ ...current, [key]: next }));
    save(
      () => setProfileSettingAction({ profileId, key, ...next }),
      () => setEntries((current) => ({ ...current, [key]: previous })),
    );
  };
  return (
    <Stack spacing={2}>
      <div aria-live="polite">{answer && <Alert severity={answer.ok ? 'success' : 'error'}>{answer.message}</Alert>}</div>
      <SettingsTable
        columns={['Value', 'Forced']}
        rows={settings.map(({ definition }) => {
          const entry = entries[definition.key]!;
          return {
            definition,
            cells: [
              <SettingValueSelect
                key="value"
                definition={definition}
                value={entry.value}
                label={`${definition.label} value`}
                disabled={pending}
                onChange={(value) => change(definition.key, { ...entry, value: value! })}
              />,
              <FormControlLabel
                key="forced"
                control={<Switch checked={entry.forced} disabled={pending} onChange={(event) => change(definition.key, { ...entry, forced: event.target.checked })} />}
                label={entry.forced ? 'Forced' : 'Users may change'}
                slotProps={{ typography: { variant: 'body2' } }}
                aria-label={`Force ${definition.label}`}
              />,
            ],
          };
        })}
      />
    </Stack>
  );
}
