// npm run cluster — the production layout on this machine (scripts/cluster/local-cluster.ts):
// a primary and a streaming replica, PgBouncer, two app instances and HAProxy, on free ports and
// in a private directory, until Ctrl-C stops them all.
import { CLUSTER_METRICS_TOKEN, missingClusterPackages, startLocalCluster } from './cluster/local-cluster';
import { runScript, ScriptProblem } from './run-script';

runScript(async () => {
  const missing = missingClusterPackages();
  if (missing.length > 0) throw new ScriptProblem(`npm run cluster needs Debian packages it cannot find: apt-get install -y ${missing.join(' ')}`);
  const startedAt = Date.now();
  const cluster = await startLocalCluster({ log: (message) => console.log(`[cluster ${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${message}`) });
  console.log(`
The panel, through HAProxy: ${cluster.url} (demo sign-in, as with npm start)
  instances:  ${cluster.instances.map((i) => i.url).join(', ')}
  primary:    ${cluster.primaryUrl}
  replica:    ${cluster.replicaUrl}
  PgBouncer:  ${cluster.bouncerUrl} (and ${cluster.bouncerReadUrl})
  metrics:    curl -H 'authorization: Bearer ${CLUSTER_METRICS_TOKEN}' ${cluster.instances[0]!.url}/api/metrics
  logs:       ${cluster.dir}
Ctrl-C stops everything and removes ${cluster.dir}.
`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('[cluster] stopping');
  await cluster.stop();
  console.log('[cluster] stopped');
});
