// A production layout on one machine, on free local ports and in a private directory: a
// PostgreSQL primary and its streaming replica (pg_basebackup), PgBouncer in transaction pooling
// mode in front of both, two app instances (npm start's own start script, in demo mode, sharing
// one demo identity provider) and HAProxy balancing them with health checks. Never touches the
// shared PostgreSQL on 5432. Debian packages: postgresql-15, pgbouncer, haproxy.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoIdentityProvider } from '@/lib/demo-idp/demo-identity-provider';
import { freePort } from '../support/free-port';
import { asPostgres, giveToPostgres, PG_BIN, portOpen, runAsPostgres, spawnLogged, stopProcess, urlAnswers, waitFor } from './processes';

export const CLUSTER_PACKAGES = ['postgresql-15', 'pgbouncer', 'haproxy'];
const DATABASE = 'sap';
export const CLUSTER_METRICS_TOKEN = 'local-cluster-metrics-token';

/** What is missing to run the cluster: the Debian packages to install, if any. */
export function missingClusterPackages(): string[] {
  const has = (file: string) => fs.existsSync(file);
  return [
    ...(has(`${PG_BIN}/initdb`) && has(`${PG_BIN}/pg_basebackup`) ? [] : ['postgresql-15']),
    ...(has('/usr/sbin/pgbouncer') ? [] : ['pgbouncer']),
    ...(has('/usr/sbin/haproxy') ? [] : ['haproxy']),
  ];
}

export interface AppInstance {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  logFile: string;
}

export interface LocalCluster {
  dir: string;
  /** HAProxy: what admins and the engine use. */
  url: string;
  primaryUrl: string;
  replicaUrl: string;
  /** PgBouncer's databases: the primary's and the replica's. */
  bouncerUrl: string;
  bouncerReadUrl: string;
  instances: AppInstance[];
  /** The environment an app instance gets (its port aside). */
  appEnv: Record<string, string>;
  /** Starts an instance (again); `env` is added to the cluster's (e.g. a DATABASE_URL of its own). */
  startInstance(name: string, port?: number, env?: Record<string, string>): Promise<AppInstance>;
  /** Pauses or resumes the replica's WAL replay: the replica falls behind while paused. */
  pauseReplay(paused: boolean): void;
  stopReplica(): void;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

function pgCtl(dataDir: string, action: 'start' | 'stop', logFile?: string): void {
  runAsPostgres(`${PG_BIN}/pg_ctl`, ['-D', dataDir, '-w', '-t', '60', ...(logFile ? ['-l', logFile] : []), ...(action === 'stop' ? ['-m', 'fast'] : []), action]);
}

function appendConf(dataDir: string, lines: string[]): void {
  fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n${lines.join('\n')}\n`);
}

export async function startLocalCluster({
  log = console.log,
  instances = 2,
  env = {},
  keepLogsIn,
}: {
  log?: (m: string) => void;
  instances?: number;
  /** Added to every instance's environment. */
  env?: Record<string, string>;
  /** Where the logs of every part are copied when the cluster stops (its directory is removed). */
  keepLogsIn?: string;
} = {}): Promise<LocalCluster> {
  const missing = missingClusterPackages();
  if (missing.length > 0) throw new Error(`The local cluster needs Debian packages: apt-get install -y ${missing.join(' ')}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sap-cluster-'));
  fs.chmodSync(dir, 0o755);
  const [primaryPort, replicaPort, bouncerPort, haproxyPort, idpPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const socketDir = path.join(dir, 'sockets');
  fs.mkdirSync(socketDir);
  giveToPostgres(dir);
  const children: ChildProcess[] = [];
  const instanceList: AppInstance[] = [];
  let replicaRunning = false;
  let primaryRunning = false;
  let idp: { close(): Promise<void> } | undefined;

  const stop = async () => {
    await Promise.all(instanceList.map((instance) => stopProcess(instance.process, 'SIGTERM')));
    for (const child of children.reverse()) await stopProcess(child, 'SIGTERM', 10_000);
    if (replicaRunning) pgCtl(replicaDir, 'stop');
    if (primaryRunning) pgCtl(primaryDir, 'stop');
    await idp?.close();
    if (keepLogsIn) {
      fs.mkdirSync(keepLogsIn, { recursive: true });
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.log') || f.endsWith('.out'))) fs.copyFileSync(path.join(dir, file), path.join(keepLogsIn, file));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    // The primary: replication allowed from loopback, trust (a private, loopback-only server).
    runAsPostgres(`${PG_BIN}/initdb`, ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    appendConf(primaryDir, [
      `port = ${primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${socketDir}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'max_connections = 200',
      'fsync = off',
    ]);
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication postgres 127.0.0.1/32 trust\n');
    pgCtl(primaryDir, 'start', path.join(dir, 'primary.log'));
    primaryRunning = true;
    runAsPostgres(`${PG_BIN}/psql`, ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-qc', `create database ${DATABASE}`]);
    log(`primary on ${primaryPort}`);

    // The replica: a base backup that follows the primary (-R writes standby.signal and primary_conninfo).
    runAsPostgres(`${PG_BIN}/pg_basebackup`, ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast']);
    appendConf(replicaDir, [`port = ${replicaPort}`, 'hot_standby = on']);
    const startReplica = async () => {
      pgCtl(replicaDir, 'start', path.join(dir, 'replica.log'));
      replicaRunning = true;
    };
    await startReplica();
    log(`replica on ${replicaPort}`);

    // PgBouncer in transaction pooling mode, both databases behind it.
    const bouncerDir = path.join(dir, 'pgbouncer');
    fs.mkdirSync(bouncerDir);
    fs.writeFileSync(path.join(bouncerDir, 'userlist.txt'), '"postgres" ""\n');
    fs.writeFileSync(
      path.join(bouncerDir, 'pgbouncer.ini'),
      [
        '[databases]',
        `${DATABASE} = host=127.0.0.1 port=${primaryPort} dbname=${DATABASE}`,
        `${DATABASE}_replica = host=127.0.0.1 port=${replicaPort} dbname=${DATABASE}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${bouncerPort}`,
        `unix_socket_dir = ${socketDir}`,
        'auth_type = trust',
        `auth_file = ${path.join(bouncerDir, 'userlist.txt')}`,
        'pool_mode = transaction',
        'max_client_conn = 1000',
        'default_pool_size = 40',
        'ignore_startup_parameters = extra_float_digits',
        // A server that is down (the replica stopped) fails a client's statement within 3 s,
        // inside the app's statement bound (5 s), so the app reads the primary instead of timing
        // out: the connect attempt is bounded, and so is a client's wait for a server connection.
        'server_connect_timeout = 2',
        'server_login_retry = 1',
        'query_wait_timeout = 3',
        `logfile = ${path.join(dir, 'pgbouncer.log')}`,
        '',
      ].join('\n'),
    );
    giveToPostgres(bouncerDir);
    const [bouncerCommand, bouncerArgs] = asPostgres('/usr/sbin/pgbouncer', [path.join(bouncerDir, 'pgbouncer.ini')]);
    children.push(spawnLogged(bouncerCommand, bouncerArgs, path.join(dir, 'pgbouncer.out')));
    await waitFor('PgBouncer', () => portOpen(bouncerPort), 15_000);
    log(`PgBouncer on ${bouncerPort} (transaction pooling)`);

    const url = `http://127.0.0.1:${haproxyPort}`;
    // One demo identity provider for every instance: sign-in works whichever instance answers.
    idp = await startDemoIdentityProvider({ idpPort, panelUrl: url });
    const bouncerUrl = `postgres://postgres@127.0.0.1:${bouncerPort}/${DATABASE}`;
    const bouncerReadUrl = `postgres://postgres@127.0.0.1:${bouncerPort}/${DATABASE}_replica`;
    const appEnv: Record<string, string> = {
      DEMO: '1',
      DATABASE_URL: bouncerUrl,
      DATABASE_READ_URL: bouncerReadUrl,
      NEXTAUTH_URL: url,
      DEMO_IDP_PORT: String(idpPort),
      DEMO_IDP_SHARED: '1',
      METRICS_TOKEN: CLUSTER_METRICS_TOKEN,
      // Longer than HAProxy's health-check interval × fall count: it stops sending first.
      SHUTDOWN_NOT_READY_MS: '2500',
      SHUTDOWN_GRACE_MS: '20000',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    };

    const startInstance = async (name: string, givenPort?: number, extraEnv: Record<string, string> = {}): Promise<AppInstance> => {
      const port = givenPort ?? (await freePort());
      const dataDir = path.join(dir, name);
      fs.mkdirSync(dataDir, { recursive: true });
      const logFile = path.join(dir, `${name}.log`);
      const child = spawnLogged(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/start.ts'], logFile, {
        ...process.env,
        ...appEnv,
        ...extraEnv,
        PORT: String(port),
        DATA_DIR: dataDir,
      });
      const instance = { name, port, url: `http://127.0.0.1:${port}`, process: child, logFile };
      instanceList.push(instance);
      await waitFor(`app instance ${name} (log: ${logFile})`, async () => {
        if (child.exitCode !== null) throw new Error(`app instance ${name} exited: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
        return urlAnswers(`${instance.url}/api/health/ready`);
      }, 8 * 60_000);
      return instance;
    };

    // The first instance alone (it may build, migrates and seeds), then the others.
    const appPorts = await Promise.all(Array.from({ length: instances }, () => freePort()));
    await startInstance('app1', appPorts[0]);
    log(`app1 on ${appPorts[0]}`);
    for (let i = 1; i < instances; i++) {
      await startInstance(`app${i + 1}`, appPorts[i]);
      log(`app${i + 1} on ${appPorts[i]}`);
    }

    fs.writeFileSync(
      path.join(dir, 'haproxy.cfg'),
      [
        'global',
        '  maxconn 2000',
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 120s',
        '  timeout server 120s',
        // A request that reached no live instance — refused, or cut before any byte of an answer
        // (a killed instance's kept-alive connection) — is tried again on the other. Safe for
        // the engine's batches too: a replayed batch changes nothing.
        '  retries 2',
        '  option redispatch',
        '  retry-on conn-failure empty-response response-timeout',
        'frontend panel',
        `  bind 127.0.0.1:${haproxyPort}`,
        '  http-request set-header X-Request-Id %[uuid()]',
        '  default_backend apps',
        'backend apps',
        '  balance roundrobin',
        '  option httpchk GET /api/health/ready',
        '  http-check expect status 200',
        '  default-server inter 500ms fall 2 rise 2',
        ...appPorts.map((port, i) => `  server app${i + 1} 127.0.0.1:${port} check`),
        '',
      ].join('\n'),
    );
    children.push(spawnLogged('/usr/sbin/haproxy', ['-f', path.join(dir, 'haproxy.cfg'), '-db'], path.join(dir, 'haproxy.log')));
    await waitFor('HAProxy', () => urlAnswers(`${url}/api/health/ready`), 20_000);
    log(`HAProxy on ${haproxyPort}`);

    return {
      dir,
      url,
      primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/${DATABASE}`,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/${DATABASE}`,
      bouncerUrl,
      bouncerReadUrl,
      instances: instanceList,
      appEnv,
      startInstance,
      pauseReplay: (paused) =>
        void runAsPostgres(`${PG_BIN}/psql`, ['-h', '127.0.0.1', '-p', String(replicaPort), '-U', 'postgres', '-d', DATABASE, '-qc', `select ${paused ? 'pg_wal_replay_pause()' : 'pg_wal_replay_resume()'}`]),
      stopReplica: () => {
        pgCtl(replicaDir, 'stop');
        replicaRunning = false;
      },
      startReplica,
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
