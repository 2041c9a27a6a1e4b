// How many session ids a download's selection may name, chosen or left out: the URL schema
// refuses more (lib/sessions/session-search.ts) and the statistics page says so before sending.
export const MAX_SELECTION_IDS = 1_000;
