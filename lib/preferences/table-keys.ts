// The tables whose columns an admin chooses (the Columns button), each remembered apart: a
// user's statistics need no User ID, a profile's do. Client-safe: the grids name their table.
export const TABLE_KEYS = ['profiles', 'users', 'profile-users', 'user-statistics', 'profile-statistics', 'user-sync-issues'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];
