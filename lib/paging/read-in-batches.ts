// Walks a keyset-paged query to its end, one batch at a time: what exports read, never all at once.
import type { KeysetPage } from './keyset';

export async function* readInBatches<Row>(fetchPage: (after: string | null) => Promise<KeysetPage<Row>>): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const page: KeysetPage<Row> = await fetchPage(after);
    if (page.rows.length > 0) yield page.rows;
    if (!page.nextCursor) return;
    after = page.nextCursor;
  }
}
