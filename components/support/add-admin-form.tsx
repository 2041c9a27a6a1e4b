'use client';
// Add an admin to a tenant: a platform admin sees every profile, a profile admin the chosen ones.
import { ActionMessage } from '@/components/actions/action-message';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function AddAdminForm({ tenantId, profiles, action }: { tenantId: string; profiles: { id: string; name: string }[]; action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  const [role, setRole] = useState<'platform_admin' | 'profile_admin'>('platform_admin');
  return (
    <form action={submit}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <Stack direction="row" spacing={2}>
          <TextField name="email" type="email" label="Email" required fullWidth />
          <TextField name="name" label="Name" required fullWidth />
        </Stack>
        <FormControl>
          <FormLabel id="new-admin-role">Role</FormLabel>
          <RadioGroup row aria-labelledby="new-admin-role" name="role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <FormControlLabel value="platform_admin" control={<Radio />} label="Platform admin (all profiles)" />
            <FormControlLabel value="profile_admin" control={<Radio />} label="Profile admin (chosen profiles)" />
          </RadioGroup>
        </FormControl>
        {role === 'profile_admin' && (
          <FormControl component="fieldset">
            <FormLabel component="legend">Profiles</FormLabel>
            <FormGroup row>
              {profiles.map((profile) => (
                <FormControlLabel key={profile.id} control={<Checkbox name="profileIds" value={profile.id} />} label={profile.name} />
              ))}
            </FormGroup>
          </FormControl>
        )}
        <div>
          <Button type="submit" variant="contained" disabled={pending}>
            Add admin
          </Button>
        </div>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
