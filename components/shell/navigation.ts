// The navigation of each kind of viewer. A link is listed only once its page exists.
import type { Viewer } from '@/lib/auth/viewer';
import { viewerAccess } from '@/lib/auth/viewer-access';

export interface NavigationItem {
  href: string;
  label: string;
}

export interface NavigationSection {
  title: string;
  items: NavigationItem[];
}

export function navigationFor(viewer: Viewer | null): NavigationSection[] {
  const access = viewerAccess(viewer);
  if (access.kind === 'support') {
    return [{ title: 'Support', items: [{ href: '/support', label: 'Tenants' }, { href: '/support/audit', label: 'Audit log' }] }];
  }
  if (access.kind !== 'tenant') return [];
  const administration: NavigationItem[] = [
    { href: '/', label: 'Overview' },
    { href: '/profiles', label: 'Profiles' },
    { href: '/users', label: 'Users' },
    { href: '/alerts', label: 'Alerts' },
  ];
  if (access.viewer.role === 'platform_admin') administration.push({ href: '/audit', label: 'Audit log' }, { href: '/organisation', label: 'Organisation' });
  return [{ title: 'Administration', items: administration }];
}

export const ROLE_LABELS: Record<Viewer['role'], string> = {
  platform_admin: 'Platform admin',
  profile_admin: 'Profile admin',
  support: 'Support',
};
