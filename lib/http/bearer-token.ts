// The token of an `Authorization: Bearer <token>` header (case-insensitive scheme), or null:
// the one way the engine's API and the metrics endpoint read their callers' tokens.
export function bearerToken(authorization: string | null): string | null {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? null;
}
