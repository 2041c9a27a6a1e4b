'use client';
// The sub-tabs of a profile or a user page (Users | Statistics | Sync issues), as links. The
// page's own address (`home`) shows the first tab. On a phone the tabs scroll, with arrows.
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import NextLink from 'next/link';
import { usePathname } from 'next/navigation';

export function SubTabs({ label, home, tabs }: { label: string; home: string; tabs: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = pathname === home ? (tabs[0]?.href ?? false) : (tabs.find((tab) => pathname === tab.href || pathname.startsWith(`${tab.href}/`))?.href ?? false);
  return (
    <Tabs value={current} aria-label={label} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile sx={{ borderBottom: 1, borderColor: 'divider' }}>
      {tabs.map((tab) => (
        <Tab key={tab.href} label={tab.label} value={tab.href} component={NextLink} href={tab.href} />
      ))}
    </Tabs>
  );
}
