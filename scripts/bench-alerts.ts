// npm run bench:alerts [-- --size large|small --runs 7 --batches 20]
// Alerts at scale (issue 24), on the scale tenant (50,000 users, 200 profiles; 10 M sessions and
// 2 M issues at the large size):
// 1. evaluating the rules: each kind of rule alone, then all of them together (the scheduled
//    step's work for a tenant), the first run (it opens the alerts) and the steady runs after;
// 2. ingestion to webhook: a batch moving one user to "Disabled due to an error", accepted as the
//    API accepts it (acceptBatch), until a local receiver has the signed webhook naming that user
//    — through the pg-boss queue, with every rule of step 1 on (each batch evaluates them all).
// Leaves the tenant as it found it (its rules, channels, alerts and the users' errors).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { parseEnv } from '@/config/env';
import { openDatabase, queryRows, setDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { alertChannels, alertRuleChannels, alertRules } from '@/db/schema';
import type { AlertRuleKind } from '@/lib/alerts/alert-rule';
import { startAlerts, stopAlerts } from '@/lib/alerts/alert-runner';
import { evaluateTenantAlerts } from '@/lib/alerts/evaluate-alerts';
import { acceptBatch } from '@/lib/ingest/accept-batch';
import { ensureScaleDatabase, type Size } from './bench/scale-database';
import { runScript, ScriptProblem } from './run-script';

// The receiver below listens on 127.0.0.1 (read once, with the rest of the environment).
process.env.ALERTS_ALLOW_PRIVATE_TARGETS = '1';

const log = (line: string) => console.error(`[bench:alerts] ${line}`);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;
const ms = (value: number) => `${value.toLocaleString('en-US', { maximumFractionDigits: 0 })} ms`;

const RULES: { kind: AlertRuleKind; params: Record<string, unknown> }[] = [
  { kind: 'user_error', params: {} },
  { kind: 'user_error_streak', params: { sessions: 3 } },
  { kind: 'user_no_healthy_session', params: { hours: 24 } },
  { kind: 'profile_error_share', params: { hours: 24, percent: 20, minSessions: 20 } },
  { kind: 'issue_burst', params: { hours: 1, count: 50 } },
  { kind: 'engine_silent', params: { hours: 2 } },
];

runScript(async () => {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'large' }, runs: { type: 'string', default: '7' }, batches: { type: 'string', default: '20' } } });
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new ScriptProblem('Set DATABASE_URL to a PostgreSQL server (the scale databases live beside it).');
  const url = await ensureScaleDatabase(serverUrl, values.size as Size, log);
  const handle = openDatabase({ driver: 'postgres', url });
  await migrateDatabase(handle);
  setDatabase(handle);
  const { db } = handle;
  const [tenant] = await queryRows<{ id: string }>(db, sql`select id from tenants where slug = 'scale'`);
  const tenantId = tenant!.id;
  await db.execute(sql`update tenants set panel_access_granted = true where id = ${tenantId}::uuid`);
  const [admin] = await queryRows<{ id: string }>(
    db,
    sql`insert into admins (tenant_id, email, name, role) values (${tenantId}::uuid, 'alerts-bench@scale.test', 'Alerts Bench', 'platform_admin')
        on conflict (tenant_id, email) do update set name = excluded.name returning id`,
  );
  const errorsBefore = await queryRows<{ id: string }>(db, sql`select id from users where tenant_id = ${tenantId}::uuid and sync_error_at is not null`);
  const rules = await db
    .insert(alertRules)
    .values(RULES.map((rule) => ({ tenantId, kind: rule.kind, name: `bench ${rule.kind}`, params: rule.params, ownerAdminId: admin!.id, enabled: false })))
    .returning();
  const setEnabled = (ids: string[]) =>
    db.execute(sql`update alert_rules set enabled = (id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})) where tenant_id = ${tenantId}::uuid and name like 'bench %'`);
  const closeAll = () => db.execute(sql`delete from alert_states where tenant_id = ${tenantId}::uuid and rule_id in (select id from alert_rules where tenant_id = ${tenantId}::uuid and name like 'bench %')`);
  const runs = Number(values.runs);

  try {
    // 1. Evaluation.
    const table: string[] = ['| rules | open alerts | first run (opens them) | steady: median | steady: p95 |', '|---|---:|---:|---:|---:|'];
    const measure = async (label: string, ids: string[]) => {
      await setEnabled(ids);
      await closeAll();
      const timings: number[] = [];
      for (let run = 0; run < runs + 1; run++) {
        const started = performance.now();
        await evaluateTenantAlerts(handle.ingestDb, tenantId);
        timings.push(performance.now() - started);
      }
      const [open] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from alert_states where tenant_id = ${tenantId}::uuid and closed_at is null`);
      const [first, ...steady] = timings;
      table.push(`| ${label} | ${open!.n.toLocaleString('en-US')} | ${ms(first!)} | ${ms(median(steady))} | ${ms(p95(steady))} |`);
      log(table.at(-1)!);
    };
    for (const rule of rules) await measure(`\`${rule.kind}\``, [rule.id]);
    await measure('all six together', rules.map((rule) => rule.id));
    console.log(`\n### Evaluating the rules (${values.size} scale, ${runs} steady runs)\n\n${table.join('\n')}`);

    // 2. Ingestion to webhook, every rule on.
    await closeAll();
    const arrivals = new Map<string, number>();
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const at = performance.now();
        for (const email of body.match(/bench-alert-\d+@scale\.test/g) ?? []) if (!arrivals.has(email)) arrivals.set(email, at);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const [channel] = await db
      .insert(alertChannels)
      .values({ tenantId, kind: 'webhook', name: 'bench receiver', target: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: 'bench', createdByLabel: 'bench' })
      .returning();
    await db.insert(alertRuleChannels).values(rules.map((rule) => ({ tenantId, ruleId: rule.id, channelId: channel!.id })));
    // Open the alerts that hold already, so the batches' evaluations send only the new ones.
    await evaluateTenantAlerts(handle.ingestDb, tenantId);
    await db.execute(sql`update alert_notifications set status = 'sent' where tenant_id = ${tenantId}::uuid and status <> 'sent'`);
    await startAlerts({ queuePollingSeconds: 1 });
    const latencies: number[] = [];
    const batches = Number(values.batches);
    const [profile] = await queryRows<{ engine_id: string }>(db, sql`select engine_id from profiles where tenant_id = ${tenantId}::uuid order by engine_id limit 1`);
    for (let n = 0; n < batches; n++) {
      const email = `bench-alert-${n}@scale.test`;
      const batch = { users: [{ email, name: `Bench ${n}`, profileId: profile!.engine_id, syncError: { reason: 'Bench: credentials rejected', at: new Date().toISOString() } }] };
      const posted = performance.now();
      await acceptBatch(tenantId, new TextEncoder().encode(JSON.stringify(batch)));
      const deadline = posted + 30_000;
      while (!arrivals.has(email) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      if (!arrivals.has(email)) throw new ScriptProblem(`no webhook for ${email} within 30 s`);
      latencies.push(arrivals.get(email)! - posted);
      log(`batch ${n + 1}: ${ms(latencies.at(-1)!)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await stopAlerts();
    receiver.close();
    console.log(
      `\n### Ingestion to webhook (${values.size} scale, ${batches} batches one after another, all six rules on)\n\n| | median | p95 | max |\n|---|---:|---:|---:|\n| batch accepted → signed webhook received | ${ms(median(latencies))} | ${ms(p95(latencies))} | ${ms(Math.max(...latencies))} |`,
    );
  } finally {
    await stopAlerts();
    await db.delete(alertRules).where(and(eq(alertRules.tenantId, tenantId), sql`${alertRules.name} like 'bench %'`));
    await db.delete(alertChannels).where(and(eq(alertChannels.tenantId, tenantId), eq(alertChannels.name, 'bench receiver')));
    await db.execute(sql`delete from users where tenant_id = ${tenantId}::uuid and email like 'bench-alert-%'`);
    await db.execute(sql`update users set sync_error_reason = null, sync_error_at = null where tenant_id = ${tenantId}::uuid and sync_error_at is not null
      and id not in (${errorsBefore.length > 0 ? sql.join(errorsBefore.map((row) => sql`${row.id}::uuid`), sql`, `) : sql`null`})`);
    await handle.close();
  }
});
