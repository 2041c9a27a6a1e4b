// Days as the partitions count them: UTC dates written YYYY-MM-DD (lib/time/zoned-time.ts's
// addDays moves them).
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The day's first instant (00:00 UTC). */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00Z`);
