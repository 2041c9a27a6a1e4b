// Runs once as each server instance starts: the scheduled steps (lib/schedule/scheduled-steps.ts),
// on the Node.js runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startScheduledSteps } = await import('./lib/schedule/scheduled-steps');
  startScheduledSteps();
}
