// Starts a download whose query is too long for a URL (a selection of up to 1,000 sessions): a
// form POST of the fields to the download's address. The answer is an attachment, so the page
// stays where it is.
export function postDownload(url: string, fields: Record<string, string>): void {
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
