'use client';
// Signs out through next-auth's own endpoint (its signOut event audits it): a form POST with the
// CSRF token it hands out. Not `signOut` from next-auth/react: that module (its provider, hooks
// and client) is 12 KB of JavaScript compressed, and this button is on every page.
import LogoutIcon from '@mui/icons-material/Logout';
import Button from '@mui/material/Button';
import { postForm } from '@/components/browser/post-form';

async function signOut() {
  const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  postForm('/api/auth/signout', { csrfToken, callbackUrl: '/login' });
}

export function SignOutButton({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  return (
    <Button color={color} startIcon={<LogoutIcon />} onClick={() => void signOut()}>
      Sign out
    </Button>
  );
}
