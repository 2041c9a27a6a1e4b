import 'server-only';
// A small HTML page for a download link the panel cannot serve now (too many downloads, the
// database away): downloads start by navigation, so a JSON body would replace the admin's page.
// It says why and links back to the page the admin came from (same origin only).

/** A browser following a link or submitting a form, not a script. */
export function isNavigation(request: Request): boolean {
  const mode = request.headers.get('sec-fetch-mode');
  if (mode) return mode === 'navigate';
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('text/html');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page the admin came from, as a path of this panel; else the home page. A path starting
 * with `//` or `/\` would be read by the browser as another host. */
function backLink(request: Request): string {
  const referer = request.headers.get('referer');
  try {
    const target = referer ? new URL(referer) : undefined;
    const path = target ? target.pathname + target.search : '';
    if (target && target.origin === new URL(request.url).origin && path.startsWith('/') && !/^\/[/\\]/.test(path)) return path;
  } catch {
    // not a URL: the home page below
  }
  return '/';
}

export function refusalPage(request: Request, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Try again shortly · Sync Admin Panel</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}a{color:#1d4ed8}</style></head>
<body><main><h1>Try again shortly</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(backLink(request))}">Back to the panel</a></p></main></body>
</html>`;
}
