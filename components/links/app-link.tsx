'use client';
// MUI links and buttons that navigate with Next's client router. They live in a client module
// because a component reference (NextLink) cannot be passed from a server component.
import Button, { type ButtonProps } from '@mui/material/Button';
import Link, { type LinkProps } from '@mui/material/Link';
import NextLink from 'next/link';

export function AppLink(props: Omit<LinkProps, 'component'> & { href: string }) {
  return <Link component={NextLink} {...props} />;
}

export function LinkButton(props: Omit<ButtonProps<'a'>, 'component' | 'ref'> & { href: string }) {
  return <Button component={NextLink} {...props} />;
}
