'use client';
// The left navigation; highlights the section of the current page.
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Paper from '@mui/material/Paper';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavigationItem } from './navigation';

export function AdministrationNav({ items }: { items: NavigationItem[] }) {
  const pathname = usePathname();
  return (
    <Paper component="nav" aria-label="Administration" square variant="outlined" sx={{ width: 220, flexShrink: 0, borderTop: 0 }}>
      <List dense subheader={<ListSubheader component="h2">Administration</ListSubheader>}>
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <ListItemButton key={item.href} component={Link} href={item.href} selected={current} aria-current={current ? 'page' : undefined}>
              <ListItemText primary={item.label} />
            </ListItemButton>
          );
        })}
      </List>
    </Paper>
  );
}
