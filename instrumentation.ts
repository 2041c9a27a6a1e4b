// Runs once as each server instance starts, on the Node.js runtime only: the scheduled steps
// (lib/schedule/scheduled-steps.ts), the alerts' evaluation and delivery (lib/alerts/alert-runner.ts),
// the demo's SMTP sink in demo mode, and closing the database when the server is stopped.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ startScheduledSteps }, { closeDatabaseOnSignal }, { startAlerts }] = await Promise.all([
    import('./lib/schedule/scheduled-steps'),
    import('./lib/server/close-on-signal'),
    import('./lib/alerts/alert-runner'),
  ]);
  startScheduledSteps();
  void startAlerts();
  closeDatabaseOnSignal();
  const { env, isDemoMode } = await import('./config/env');
  const sinkPort = env().DEMO_SMTP_PORT;
  if (isDemoMode() && sinkPort) await (await import('./lib/demo-receivers/demo-smtp-sink')).startDemoSmtpSink(sinkPort);
}
