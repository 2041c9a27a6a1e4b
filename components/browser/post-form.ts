// Submits a form POST of the fields to an address, as a page would: for a download whose query is
// too long for a URL (a selection of up to 1,000 sessions; the answer is an attachment, so the
// page stays where it is) and for signing out (next-auth answers with a redirect).
export function postForm(url: string, fields: Record<string, string>): void {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = url;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}
