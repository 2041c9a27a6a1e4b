// npm run admin -- <command> — bootstraps a real deployment (it starts with no accounts).
//   tenant create --slug acme --name "Acme"
//   tenant grant|revoke --tenant acme --reason "contract signed"
//   issuer add|remove --tenant acme --issuer https://login.example.com [--entra-tid <tid>]
//   admin add --tenant acme --email a@acme.com --name "A" --role platform_admin|profile_admin [--profiles "Sales,Support"]
//   admin remove --tenant acme --email a@acme.com
//   support add --email agent@vendor.com --name "Agent"
//   support issuer --issuer https://sso.vendor.com
//   list
import { parseArgs } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import { closeDatabase, getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { admins, profiles } from '@/db/schema';
import { HttpError } from '@/lib/http/errors';
import { listTenantsForSupport } from '@/lib/support/list-tenants';
import { addSupportAgent, addSupportIssuer, addTenantIssuer, createTenant, removeTenantIssuer, tenantIdBySlug } from '@/lib/support/manage-tenants';
import { setTenantPanelAccess } from '@/lib/support/set-panel-access';
import { addTenantAdmin, removeTenantAdmin } from '@/lib/support/tenant-admins';
import { runScript } from './run-script';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    name: { type: 'string' },
    tenant: { type: 'string' },
    reason: { type: 'string' },
    issuer: { type: 'string' },
    'entra-tid': { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    profiles: { type: 'string' },
  },
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
  return value;
}

const CLI = 'command-line' as const;

async function run(command: string): Promise<string> {
  switch (command) {
    case 'tenant create':
      return `tenant ${(await createTenant(CLI, { slug: required('slug'), name: required('name') })).slug} created (no panel access yet)`;
    case 'tenant grant':
    case 'tenant revoke': {
      const granted = command === 'tenant grant';
      const { changed } = await setTenantPanelAccess({ by: CLI, tenantId: await tenantIdBySlug(required('tenant')), granted, reason: required('reason') });
      return changed ? `panel access ${granted ? 'granted' : 'revoked'}` : 'nothing to change';
    }
    case 'issuer add':
      await addTenantIssuer(CLI, { tenantId: await tenantIdBySlug(required('tenant')), issuer: required('issuer'), entraTenantId: values['entra-tid'] ?? null });
      return 'issuer added';
    case 'issuer remove':
      await removeTenantIssuer(CLI, { tenantId: await tenantIdBySlug(required('tenant')), issuer: required('issuer') });
      return 'issuer removed';
    case 'admin add': {
      const tenantId = await tenantIdBySlug(required('tenant'));
      const names = (values.profiles ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      const found = names.length
        ? await getDatabase().db.select({ id: profiles.id, name: profiles.name }).from(profiles).where(and(eq(profiles.tenantId, tenantId), inArray(profiles.name, names)))
        : [];
      const missing = names.filter((n) => !found.some((p) => p.name === n));
      if (missing.length) throw new Error(`unknown profile(s): ${missing.join(', ')}`);
      await addTenantAdmin(CLI, tenantId, { email: required('email'), name: required('name'), role: required('role') as 'platform_admin', profileIds: found.map((p) => p.id) });
      return 'admin added';
    }
    case 'admin remove': {
      const tenantId = await tenantIdBySlug(required('tenant'));
      const [admin] = await getDatabase().db.select({ id: admins.id }).from(admins).where(and(eq(admins.tenantId, tenantId), eq(admins.email, required('email').toLowerCase())));
      if (!admin) throw new Error('no such admin in that tenant');
      await removeTenantAdmin(CLI, tenantId, admin.id);
      return 'admin removed';
    }
    case 'support add':
      await addSupportAgent({ email: required('email'), name: required('name') });
      return 'support agent added';
    case 'support issuer':
      await addSupportIssuer({ issuer: required('issuer') });
      return 'support issuer added';
    case 'list':
      return (await listTenantsForSupport(CLI))
        .map((t) => `${t.slug.padEnd(20)} ${t.panelAccessGranted ? 'granted    ' : 'not granted'} admins=${t.admins} profiles=${t.profiles} issuers=${t.issuers}  ${t.name}`)
        .join('\n') || 'no tenants';
    default:
      throw new Error(`unknown command "${command}": see the header of scripts/admin.ts or the README`);
  }
}

runScript(async () => {
  const handle = getDatabase();
  await migrateDatabase(handle);
  try {
    console.log(await run(positionals.slice(0, positionals[0] === 'list' ? 1 : 2).join(' ')));
  } catch (error) {
    if (error instanceof HttpError || error instanceof Error) {
      console.error(`error: ${error.message}`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await closeDatabase();
  }
  if (process.exitCode) process.exit(process.exitCode);
});
