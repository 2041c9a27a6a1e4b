'use client';
// One button per configured identity provider; returns to `callbackUrl` after sign-in.
import LoginIcon from '@mui/icons-material/Login';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { signIn } from 'next-auth/react';
import { useState } from 'react';

export function SignInButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  return (
    <Stack spacing={1.5}>
      {providers.map((provider) => (
        <Button
          key={provider.id}
          variant="contained"
          size="large"
          startIcon={<LoginIcon />}
          disabled={pending !== null}
          onClick={() => {
            setPending(provider.id);
            void signIn(provider.id, { callbackUrl });
          }}
        >
          {pending === provider.id ? 'Redirecting…' : `Sign in with ${provider.name}`}
        </Button>
      ))}
    </Stack>
  );
}
