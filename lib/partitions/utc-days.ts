// Days as the partitions count them: UTC dates written YYYY-MM-DD.
const DAY_MS = 86_400_000;

export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The day's first instant (00:00 UTC). */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00Z`);
