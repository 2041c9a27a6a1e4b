// GET /api/health/live — the process runs and answers HTTP: a probe that restarts an instance
// only when this fails. It asks nothing of the database (an outage there is not cured by a
// restart) and answers 200 while the instance drains, too. Outside the session gate.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'live' }, { headers: { 'cache-control': 'no-store' } });
}
