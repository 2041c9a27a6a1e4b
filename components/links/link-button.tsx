'use client';
// A MUI button that navigates with Next's client router. It lives in a client module because a
// component reference (NextLink) cannot be passed from a server component.
import Button, { type ButtonProps } from '@mui/material/Button';
import NextLink from 'next/link';

export function LinkButton(props: Omit<ButtonProps<'a'>, 'component' | 'ref'> & { href: string }) {
  return <Button component={NextLink} {...props} />;
}
