'use client';
// The main navigation, highlighting the section of the current page: links in the top bar from
// 900 px up (the tables get the whole width), and behind a menu button below that, where a
// drawer opens with the links and the signed-in admin.
import MenuIcon from '@mui/icons-material/Menu';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import styles from './app-shell.module.css';
import type { NavigationSection } from './navigation';

function isCurrent(pathname: string, href: string, hrefs: string[]): boolean {
  if (pathname === href) return true;
  // The deepest matching link wins (/support/audit over /support).
  const longer = hrefs.filter((other) => other.length > href.length && pathname.startsWith(other));
  return pathname.startsWith(`${href}/`) && longer.length === 0;
}

function useCurrentHref(sections: NavigationSection[]): (href: string) => boolean {
  const pathname = usePathname();
  const hrefs = sections.flatMap((section) => section.items.map((item) => item.href));
  return (href) => isCurrent(pathname, href, hrefs);
}

/** The links in the top bar, shown from the `md` breakpoint (900 px) up: plain links in a text
 *  button's look (app-shell.module.css), the current page marked by its aria-current. */
export function TopBarNavigation({ sections }: { sections: NavigationSection[] }) {
  const current = useCurrentHref(sections);
  return (
    <nav aria-label="Main" className={styles.nav}>
      {sections.flatMap((section) => section.items).map((item) => (
        <Link key={item.href} href={item.href} className={styles.navLink} aria-current={current(item.href) ? 'page' : undefined}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

/** Below `md`: a menu button opening a drawer with the links and `footer` (who is signed in). */
export function MenuNavigation({ sections, footer }: { sections: NavigationSection[]; footer?: ReactNode }) {
  const current = useCurrentHref(sections);
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.narrowOnly}>
      <IconButton color="inherit" edge="start" aria-label="Open navigation" aria-expanded={open} onClick={() => setOpen(true)}>
        <MenuIcon />
      </IconButton>
      <Drawer open={open} onClose={() => setOpen(false)} slotProps={{ paper: { 'aria-label': 'Navigation' } }}>
        <Box component="nav" aria-label="Main" sx={{ width: 260 }}>
          {sections.map((section) => (
            <Box key={section.title} sx={{ pt: 1 }}>
              <Typography component="h2" variant="overline" id={`nav-${section.title}`} sx={{ px: 2, color: 'text.secondary' }}>
                {section.title}
              </Typography>
              <List dense aria-labelledby={`nav-${section.title}`} sx={{ pt: 0 }}>
                {section.items.map((item) => {
                  const selected = current(item.href);
                  return (
                    <ListItem key={item.href} disablePadding>
                      <ListItemButton component={Link} href={item.href} selected={selected} aria-current={selected ? 'page' : undefined} onClick={() => setOpen(false)}>
                        <ListItemText primary={item.label} />
                      </ListItemButton>
                    </ListItem>
                  );
                })}
              </List>
            </Box>
          ))}
          {footer && <Box sx={{ px: 2, py: 1.5, borderTop: 1, borderColor: 'divider' }}>{footer}</Box>}
        </Box>
      </Drawer>
    </div>
  );
}
