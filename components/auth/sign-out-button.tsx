'use client';
import LogoutIcon from '@mui/icons-material/Logout';
import Button from '@mui/material/Button';
import { signOut } from 'next-auth/react';

export function SignOutButton({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  return (
    <Button color={color} startIcon={<LogoutIcon />} onClick={() => void signOut({ callbackUrl: '/login' })}>
      Sign out
    </Button>
  );
}
