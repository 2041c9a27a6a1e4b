'use client';
// The left navigation; highlights the section of the current page.
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
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
        <Box key={section.title} sx={{ pt: 1 }}>
        <Typography component="h2" variant="overline" id={`nav-${section.title}`} sx={{ px: 2, color: 'text.secondary' }}>
          {section.title}
        </Typography>
        <List dense aria-labelledby={`nav-${section.title}`} sx={{ pt: 0 }}>
          {section.items.map((item) => {
            const current = isCurrent(pathname, item.href, hrefs);
            return (
              <ListItem key={item.href} disablePadding>
                <ListItemButton component={Link} href={item.href} selected={current} aria-current={current ? 'page' : undefined}>
                  <ListItemText primary={item.label} />
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
        </Box>
      ))}
    </Paper>
  );
}
