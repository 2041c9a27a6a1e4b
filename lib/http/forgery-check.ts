// Cross-site request forgery: a request that changes something (any method but GET, HEAD and
// OPTIONS: server actions, forms) must say it comes from a page of this panel — its Origin
// header equal to the panel's configured URL. Forwarded host headers never count: the panel's
// own address is configuration (NEXTAUTH_URL), not something a request can claim. The engine's
// ingestion API (bearer tokens, no cookies) and next-auth's endpoints (their own CSRF token)
// are outside this rule.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const FORGERY_MESSAGE = 'This request did not come from a page of the panel, so it was refused. Reload the page and try again.';

export function isCrossSiteWrite(request: Request, panelUrl: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  return request.headers.get('origin') !== new URL(panelUrl).origin;
}
