// The instance's Prometheus metrics (prom-client), served at /api/metrics. One registry per
// process, kept on globalThis: the HTTP server (scripts/serve.ts) and the application's bundles
// load this module separately and must count into the same series. Every series is this
// instance's: Prometheus scrapes each instance and sums.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const PREFIX = 'sync_admin_';
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  return {
    registry,
    requestDuration: new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'Time from a request to its response ending, by route (ids replaced), method and status class.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: SECONDS,
      registers,
    }),
    downloadBytes: new Counter({ name: `${PREFIX}download_bytes_total`, help: 'Bytes of downloads sent, by kind (csv, zip).', labelNames: ['kind'] as const, registers }),
    downloadRecords: new Counter({
      name: `${PREFIX}download_records_total`,
      help: 'CSV records sent, headers included (CRLF line ends; a value holding a CRLF counts twice).',
      registers,
    }),
    downloadsEnded: new Counter({ name: `${PREFIX}downloads_total`, help: 'Downloads that ended, by outcome (complete, aborted).', labelNames: ['outcome'] as const, registers }),
    batches: new Counter({ name: `${PREFIX}ingest_batches_total`, help: "The sync engine's batches, by response status.", labelNames: ['status'] as const, registers }),
    batchItems: new Counter({ name: `${PREFIX}ingest_items_total`, help: 'Items of accepted batches, by section.', labelNames: ['section'] as const, registers }),
    batchDuration: new Histogram({ name: `${PREFIX}ingest_batch_duration_seconds`, help: 'Time to answer a batch, body read included.', buckets: SECONDS, registers }),
    poolConnections: new Gauge({
      name: `${PREFIX}db_pool_connections`,
      help: 'Connections of each database pool, by state (in_use, idle) and requests waiting for one (waiting).',
      labelNames: ['pool', 'state'] as const,
      registers,
    }),
    replicaLag: new Gauge({ name: `${PREFIX}replica_lag_seconds`, help: 'Lag of the read replica as this instance last measured it (0 without DATABASE_READ_URL; NaN while it is unreachable or not yet measured).', registers }),
    replicaInUse: new Gauge({ name: `${PREFIX}replica_in_use`, help: '1 while lists, statistics and exports read the replica; 0 while they fall back to the primary.', registers }),
    queueDepth: new Gauge({ name: `${PREFIX}alert_queue_jobs`, help: "Alert deliveries waiting in the job queue (always 0 on the embedded database, which delivers in-process).", registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for('sync-admin-panel.metrics');
type Holder = typeof globalThis & { [KEY]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}
