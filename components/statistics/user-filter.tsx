'use client';
// The user filter of a profile's Statistics: type a name or an email, pick one of the profile's
// users (suggested by GET /api/profiles/{id}/users), and the table narrows to their sessions
// (`user=` in the URL, like every filter). Clearing the field removes the filter.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { withParams } from '@/lib/search/search-params';

interface UserOption {
  id: string;
  name: string;
  email: string;
}

const SUGGEST_DELAY_MS = 250;

/** The profile's users matching what is typed, fetched a moment after typing stops. */
function useSuggestions(profileId: string, typed: string, enabled: boolean): { options: UserOption[]; loading: boolean } {
  const [state, setState] = useState<{ for: string; options: UserOption[] } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/profiles/${profileId}/users?${new URLSearchParams({ q: typed.trim() })}`, { signal: controller.signal });
        const body = response.ok ? ((await response.json()) as { users: UserOption[] }) : { users: [] };
        setState({ for: typed, options: body.users });
      } catch {
        // Aborted by the next keystroke, or offline: the list stays as it was.
      }
    }, SUGGEST_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [profileId, typed, enabled]);
  return { options: state?.options ?? [], loading: enabled && state?.for !== typed };
}

export function UserFilter({ profileId, selected }: { profileId: string; selected: { id: string; name: string | null } | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const { options, loading } = useSuggestions(profileId, typed, open);
  const value: UserOption | null = selected ? { id: selected.id, name: selected.name ?? 'A user outside your scope', email: '' } : null;
  return (
    <Autocomplete<UserOption>
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={value}
      options={options}
      loading={loading}
      filterOptions={(all) => all}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      getOptionLabel={(option) => option.name}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setTyped(text);
      }}
      onChange={(_event, chosen) => router.push(withParams(pathname, Object.fromEntries(searchParams.entries()), { user: chosen?.id ?? null }))}
      noOptionsText="No user of this profile matches."
      loadingText="Looking…"
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          <span>
            {option.name}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
              {option.email}
            </Typography>
          </span>
        </li>
      )}
      renderInput={(params) => <TextField {...params} label="User" placeholder="Search name or email" size="small" slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps?.inputLabel, shrink: true } }} />}
      sx={{ width: 300, maxWidth: '100%' }}
    />
  );
}
