'use client';
// The left navigation; highlights the section of the current page.
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Paper from '@mui/material/Paper';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavigationSection } from './navigation';

function isCurrent(pathname: string, href: string, hrefs: string[]): boolean {
  if (pathname === href) return true;
  // The deepest matching link wins (/support/audit over /support).
  const longer = hrefs.filter((other) => other.length > href.length && pathname.startsWith(other));
  return pathname.startsWith(`${href}/`) && longer.length === 0;
}

export function AdministrationNav({ sections }: { sections: NavigationSection[] }) {
  const pathname = usePathname();
  const hrefs = sections.flatMap((section) => section.items.map((item) => item.href));
  return (
    <Paper component="nav" aria-label="Main" square variant="outlined" sx={{ width: 220, flexShrink: 0, borderTop: 0 }}>
      {sections.map((section) => (
        <List key={section.title} dense subheader={<ListSubheader component="h2">{section.title}</ListSubheader>}>
          {section.items.map((item) => {
            const current = isCurrent(pathname, item.href, hrefs);
            return (
              <ListItemButton key={item.href} component={Link} href={item.href} selected={current} aria-current={current ? 'page' : undefined}>
                <ListItemText primary={item.label} />
              </ListItemButton>
            );
          })}
        </List>
      ))}
    </Paper>
  );
}
