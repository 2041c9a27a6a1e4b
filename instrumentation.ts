// Runs once as each server instance starts, on the Node.js runtime only: the scheduled steps
// (lib/schedule/scheduled-steps.ts) and closing the database when the server is stopped.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ startScheduledSteps }, { closeDatabaseOnSignal }] = await Promise.all([import('./lib/schedule/scheduled-steps'), import('./lib/server/close-on-signal')]);
  startScheduledSteps();
  closeDatabaseOnSignal();
}
