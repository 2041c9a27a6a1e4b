// Download names made from names and ids: no path separators, control or reserved characters.
export function sanitizeFilename(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 150);
  return cleaned || 'download';
}

export function rangeSuffix(range: { from: Date | null; to: Date | null }): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  if (!range.from && !range.to) return 'all';
  return `${range.from ? day(range.from) : 'start'}_${range.to ? day(range.to) : 'now'}`;
}
