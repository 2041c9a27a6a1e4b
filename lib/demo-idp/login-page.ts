// The demo identity provider's own sign-in page (plain HTML: it is not part of the panel).
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderLoginPage({ title, action, error, hint }: { title: string; action: string; error?: string; hint?: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — sign in</title>
<style>
  body { font-family: system-ui, sans-serif; background: #eef1f5; display: grid; place-items: center; min-height: 100vh; margin: 0; color: #1a1a1a; }
  main { background: #fff; padding: 2rem 2.5rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: 22rem; }
  h1 { font-size: 1.3rem; margin: 0 0 1.25rem; }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; padding: .55rem .6rem; border: 1px solid #8a94a6; border-radius: 6px; font-size: 1rem; }
  button { margin-top: 1.25rem; width: 100%; padding: .65rem; border: 0; border-radius: 6px; background: #1f5fbf; color: #fff; font-size: 1rem; font-weight: 600; cursor: pointer; }
  .error { color: #a51d1d; background: #fdecec; padding: .5rem .75rem; border-radius: 6px; }
  .hint { color: #444; font-size: .9rem; margin-top: 1rem; }
</style></head>
<body><main>
  <h1>${escape(title)}</h1>
  ${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
  <form method="post" action="${escape(action)}" autocomplete="off">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" required autofocus>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" required>
    <button type="submit">Sign in</button>
  </form>
  ${hint ? `<p class="hint">${escape(hint)}</p>` : ''}
</main></body></html>`;
}
