// npm run token -- create --tenant <slug> [--name "engine prod"] | list --tenant <slug> | revoke --tenant <slug> --id <token id>
// Ingestion tokens of the sync engine. The token is printed once; only its hash is stored.
import { parseArgs } from 'node:util';
import { closeDatabase, getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createIngestionToken, listIngestionTokens, revokeIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { tenantIdBySlug } from '@/lib/support/manage-tenants';
import { runScript } from './run-script';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { tenant: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } },
});

runScript(async () => {
  await migrateDatabase(getDatabase());
  try {
    if (!values.tenant) throw new Error('--tenant <slug> is required');
    const tenantId = await tenantIdBySlug(values.tenant);
    switch (positionals[0]) {
      case 'create': {
        const { id, token } = await createIngestionToken('command-line', { tenantId, name: values.name ?? 'sync engine' });
        console.log(`Token ${id} for tenant ${values.tenant} (shown once, keep it secret):\n${token}`);
        break;
      }
      case 'list':
        for (const t of await listIngestionTokens('command-line', tenantId)) {
          console.log(`${t.id}  ${t.revokedAt ? 'revoked' : 'active '}  created ${t.createdAt.toISOString()}  last used ${t.lastUsedAt?.toISOString() ?? 'never'}  ${t.name}`);
        }
        break;
      case 'revoke':
        if (!values.id) throw new Error('--id <token id> is required');
        await revokeIngestionToken('command-line', { tenantId, tokenId: values.id });
        console.log('Token revoked.');
        break;
      default:
        throw new Error('usage: npm run token -- create|list|revoke --tenant <slug> [--name <name>] [--id <token id>]');
    }
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
  if (process.exitCode) process.exit(process.exitCode);
});
