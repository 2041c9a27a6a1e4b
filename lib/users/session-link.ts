// A link to one session of a user on their Statistics tab: the period from its start to the
// next millisecond, which holds that session alone. Pure: the server's facts and the browser's
// strip of sessions build it alike.
export function sessionInStatistics(userId: string, startedAtMs: number): string {
  const from = new Date(startedAtMs).toISOString();
  const to = new Date(startedAtMs + 1).toISOString();
  return `/users/${userId}/statistics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}
