'use client';
// The user's Settings tab: each setting's effective value and where it comes from. An admin
// may set or clear the user's own value of a setting the profile does not force; forced ones
// are locked here as they are greyed out in the user's add-in.
import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useOptimistic } from 'react';
import { setUserSettingAction } from '@/app/settings/actions';
import { valueLabel, type SettingValue } from '@/lib/settings/catalog';
import { SETTING_SOURCE_LABELS } from '@/lib/settings/resolve-setting';
import type { UserSettingView } from '@/lib/settings/user-settings';
import { SettingsTable } from './settings-table';
import { SettingValueSelect } from './setting-value-select';
import { useSettingSaver } from './use-setting-saver';

export function UserSettingsEditor({ userId, settings }: { userId: string; settings: UserSettingView[] }) {
  const { answer, pending, save } = useSettingSaver();
  // The chosen value shows while saving; then the page re-renders from the server (the action
  // revalidates it) with the new effective value and source.
  const [ownValues, showOwnValue] = useOptimistic(
    Object.fromEntries(settings.map((s) => [s.definition.key, s.userValue])) as Record<string, SettingValue | null>,
    (current, change: { key: string; value: SettingValue | null }) => ({ ...current, [change.key]: change.value }),
  );
  const change = (key: string, value: SettingValue | null) =>
    save(
      () => setUserSettingAction({ userId, key, value }),
      () => undefined,
      () => showOwnValue({ key, value }),
    );
  return (
    <Stack spacing={2}>
      <div aria-live="polite">{answer && <Alert severity={answer.ok ? 'success' : 'error'}>{answer.message}</Alert>}</div>
      <SettingsTable
        columns={['Effective value', "User's own value"]}
        rows={settings.map((setting) => ({
          definition: setting.definition,
          cells: [
            <Stack key="effective" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
              <Typography variant="body2">{valueLabel(setting.definition, setting.value)}</Typography>
              <Chip
                size="small"
                variant="outlined"
                color={setting.source === 'forced' ? 'warning' : setting.source === 'user' ? 'info' : 'default'}
                icon={setting.locked ? <LockIcon /> : undefined}
                label={SETTING_SOURCE_LABELS[setting.source]}
              />
            </Stack>,
            setting.locked ? (
              <Typography key="own" variant="body2" color="text.secondary">
                Locked: the profile forces this setting.
              </Typography>
            ) : (
              <Stack key="own" spacing={0.5}>
                <SettingValueSelect
                  definition={setting.definition}
                  value={ownValues[setting.definition.key] ?? null}
                  label={`${setting.definition.label}: user's own value`}
                  emptyLabel={`Profile's value (${valueLabel(setting.definition, setting.profileValue)})`}
                  disabled={pending}
                  onChange={(value) => change(setting.definition.key, value)}
                />
                {setting.userValueOrigin === 'engine' && (
                  <Typography variant="caption" color="text.secondary">
                    Chosen by the user in the add-in
                  </Typography>
                )}
              </Stack>
            ),
          ],
        }))}
      />
    </Stack>
  );
}
