// The demo tenants and accounts (password `demo` at the demo IdP for all).
import type { AdminRole } from '@/domain/sync-vocabulary';

export interface DemoProfile {
  engineId: string;
  name: string;
  enabled: boolean;
  mailbox: 'outlook' | 'gmail';
  // Share of the tenant's users in this profile.
  weight: number;
}

export interface DemoTenant {
  slug: string;
  name: string;
  domain: string;
  panelAccessGranted: boolean;
  users: number;
  profiles: DemoProfile[];
}

export interface DemoAccount {
  email: string;
  name: string;
  role: AdminRole;
  tenantSlug: string | null;
  // Profile admins: the names of the profiles they may see.
  profileNames?: string[];
}

const profile = (engineId: string, name: string, weight: number, mailbox: DemoProfile['mailbox'] = 'outlook', enabled = true): DemoProfile => ({
  engineId,
  name,
  weight,
  mailbox,
  enabled,
});

export function demoTenants(acmeUsers = 300): DemoTenant[] {
  return [
    {
      slug: 'acme',
      name: 'Acme',
      domain: 'acme.test',
      panelAccessGranted: true,
      users: acmeUsers,
      profiles: [
        profile('acme-sales', 'Sales', 0.3),
        profile('acme-marketing', 'Marketing', 0.15, 'gmail'),
        profile('acme-support', 'Customer Support', 0.2),
        profile('acme-partners', 'Partner Management', 0.1, 'gmail'),
        profile('acme-executives', 'Executives', 0.1),
        profile('acme-legacy', 'Legacy Outlook 2016', 0.15, 'outlook', false),
      ],
    },
    {
      slug: 'globex',
      name: 'Globex',
      domain: 'globex.test',
      panelAccessGranted: true,
      users: 24,
      profiles: [profile('globex-sales', 'Sales', 0.6), profile('globex-success', 'Customer Success', 0.4, 'gmail')],
    },
    {
      slug: 'initech',
      name: 'Initech',
      domain: 'initech.test',
      panelAccessGranted: false,
      users: 10,
      profiles: [profile('initech-sales', 'Sales', 1)],
    },
  ];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@acme.test', name: 'Alex Admin', role: 'platform_admin', tenantSlug: 'acme' },
  { email: 'sales-admin@acme.test', name: 'Sam Sales-Admin', role: 'profile_admin', tenantSlug: 'acme', profileNames: ['Sales'] },
  { email: 'admin@globex.test', name: 'Gina Globex', role: 'platform_admin', tenantSlug: 'globex' },
  { email: 'admin@initech.test', name: 'Ian Initech', role: 'platform_admin', tenantSlug: 'initech' },
  { email: 'support@vendor.test', name: 'Sky Support', role: 'support', tenantSlug: null },
];

/** An account's role in words, as the start banner and the demo sign-in page list them. */
export function describeDemoAccount(account: DemoAccount): string {
  if (account.role === 'support') return 'support agent';
  const role = account.role === 'platform_admin' ? 'platform admin' : `profile admin of ${account.profileNames?.join(', ')}`;
  return `${role}, tenant ${account.tenantSlug}${account.tenantSlug === 'initech' ? ' (no panel access)' : ''}`;
}
