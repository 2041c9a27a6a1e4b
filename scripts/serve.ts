// The app's HTTP server, started by `npm start` on the production build: Next.js's request
// handler in a Node server of our own (lib/server/instance-server.ts), for what `next start`
// does not give an instance that runs beside others behind a load balancer: request ids and a
// graceful stop (not ready first, then the requests and downloads in flight finish).
import next from 'next';
import { env } from '@/config/env';
import { createInstanceServer } from '@/lib/server/instance-server';

async function main(): Promise<void> {
  const config = env();
  const app = next({ dev: false, dir: process.cwd(), port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createInstanceServer(handle, { notReadyMs: config.SHUTDOWN_NOT_READY_MS, graceMs: config.SHUTDOWN_GRACE_MS });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, () => resolve());
  });
  console.log(`[serve] listening on port ${config.PORT}`);
}

main().catch((error: unknown) => {
  console.error('[serve] the server could not start:', error);
  process.exit(1);
});
