// Server actions in one shape: who may call, what input they take, what they answer.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { formFields, supportAction, tenantAction } from '@/lib/actions/define-action';
import type { Viewer } from '@/lib/auth/viewer';
import { notFoundError } from '@/lib/http/errors';
import { actAs } from '../support/as-viewer';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));
// The guards learn the page's path from the proxy's header.
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
// What next.config.mjs's experimental.authInterrupts sets for the server (forbidden() answers 403).
vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', 'true');

const admin: Viewer = { adminId: 'a', email: 'a@x.test', name: 'A', role: 'platform_admin', tenantId: 't', tenantName: 'T', panelAccess: true, profileIds: null, timeZone: 'UTC' };
const agent: Viewer = { adminId: 's', email: 's@vendor.test', name: 'S', role: 'support', tenantId: null, tenantName: null, panelAccess: false, profileIds: null, timeZone: 'UTC' };

const rename = tenantAction(z.object({ id: z.string().min(1, 'Choose a profile.'), name: z.string().max(5, 'A name has at most 5 characters.') }), async (viewer, input) => {
  if (input.id === 'elsewhere') throw notFoundError('No such profile.');
  if (input.id === 'bug') throw new Error('database said something internal');
  return { ok: true, message: `${viewer.name} renamed ${input.id} to ${input.name}.` };
});

describe('tenantAction', () => {
  it('runs with the viewer and the parsed input', async () => {
    actAs(admin);
    expect(await rename({ id: 'p1', name: 'Sales' })).toEqual({ ok: true, message: 'A renamed p1 to Sales.' });
  });

  it('answers invalid input with the schema messages, and known errors with theirs', async () => {
    actAs(admin);
    expect(await rename({ id: '', name: 'Too long' })).toEqual({ ok: false, message: 'Choose a profile. A name has at most 5 characters.' });
    expect(await rename({ id: 'elsewhere', name: 'x' })).toEqual({ ok: false, message: 'No such profile.' });
    expect(await rename({ id: 'bug', name: 'x' })).toEqual({ ok: false, message: 'Something went wrong on our side. Please try again.' });
  });

  it('refuses support agents and sends the anonymous to sign in, before reading the input', async () => {
    actAs(agent);
    await expect(rename({ id: 'p1', name: 'x' })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    actAs(null);
    await expect(rename({})).rejects.toThrow(/NEXT_REDIRECT/);
  });
});

describe('supportAction', () => {
  const grant = supportAction(z.object({ tenantId: z.string() }), async (viewer, { tenantId }) => ({ ok: true, message: `${viewer.email} granted ${tenantId}.` }));

  it('is for support agents only', async () => {
    actAs(agent);
    expect(await grant({ tenantId: 't' })).toEqual({ ok: true, message: 's@vendor.test granted t.' });
    actAs(admin);
    await expect(grant({ tenantId: 't' })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
  });
});

describe('formFields', () => {
  it('gives each field its value, and a repeated field the list', () => {
    const form = new FormData();
    form.append('tenantId', 't');
    form.append('profileIds', 'p1');
    form.append('profileIds', 'p2');
    form.append('empty', '');
    expect(formFields(form)).toEqual({ tenantId: 't', profileIds: ['p1', 'p2'], empty: '' });
  });
});

describe("the support console's forms", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };

  it('say which id is malformed instead of a generic failure', async () => {
    const actions = await import('@/app/support/tenants/[id]/actions');
    actAs(agent);
    const idle = { ok: false, message: '' };
    const tenantMessage = { ok: false, message: "That tenant id is not valid: it must be a UUID, as in the page's links." };
    expect(await actions.setPanelAccessAction(idle, form({ tenantId: 'acme', granted: 'true', reason: 'x' }))).toEqual(tenantMessage);
    expect(await actions.addTenantAdminAction(idle, form({ tenantId: "1' or '1'='1", email: 'a@b.test', name: 'A', role: 'platform_admin' }))).toEqual(tenantMessage);
    expect(await actions.removeTenantAdminAction(idle, form({ tenantId: '10000000-0000-4000-8000-000000000001', adminId: 'x' }))).toEqual({
      ok: false,
      message: "That admin id is not valid: it must be a UUID, as in the page's links.",
    });
  });
});
