'use client';
// Shown on the no-access page when the database already says the organization has access
// (granted since the session's claims were last read): refresh the session and go in.
import Alert from '@mui/material/Alert';
import { useEffect } from 'react';

export function AccessRestored() {
  useEffect(() => {
    void fetch('/api/auth/session', { cache: 'no-store' }).finally(() => window.location.assign('/'));
  }, []);
  return <Alert severity="success">Your organization has access to the panel now. Taking you in…</Alert>;
}
