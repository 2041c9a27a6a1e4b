// The one access verdict: who may enter the panel, and as what.
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/viewer';
import { viewerAccess } from '@/lib/auth/viewer-access';

const admin = (overrides: Partial<Viewer>): Viewer => ({
  adminId: 'a',
  email: 'a@x.test',
  name: 'A',
  role: 'platform_admin',
  tenantId: 't',
  tenantName: 'T',
  panelAccess: true,
  profileIds: null,
  timeZone: 'UTC',
  ...overrides,
});

describe('viewerAccess', () => {
  it.each([
    ['nobody signed in', null, 'anonymous'],
    ['a support agent', admin({ role: 'support', tenantId: null, tenantName: null, panelAccess: false }), 'support'],
    ['a platform admin of a tenant with access', admin({}), 'tenant'],
    ['a profile admin of a tenant with access', admin({ role: 'profile_admin', profileIds: ['p'] }), 'tenant'],
    ['an admin of a tenant never granted access (or revoked)', admin({ panelAccess: false }), 'no-access'],
    ['an admin without a tenant', admin({ tenantId: null, tenantName: null }), 'no-access'],
  ] as const)('%s: %s', (_, viewer, kind) => {
    expect(viewerAccess(viewer).kind).toBe(kind);
  });
});
