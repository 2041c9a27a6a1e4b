// A text link that navigates with Next's client router, in MUI's link look (link.module.css).
// Plain `next/link`, not MUI's Link: it renders on the server without a client component of its
// own and without an Emotion class, which counted on pages with a hundred links (the overview).
import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import styles from './link.module.css';

export function AppLink({ className, ...props }: Omit<ComponentProps<typeof NextLink>, 'href'> & { href: string }) {
  return <NextLink className={className ? `${styles.link} ${className}` : styles.link} {...props} />;
}
