// Lists cut into chunks for the database: rows a statement writes, values a look-up takes
// (a statement's bound parameters stay well under PostgreSQL's 65,535).

/** Rows a statement writes. */
const WRITE_CHUNK = 500;
/** Values a look-up takes at once. */
const READ_CHUNK = 5_000;

export function chunks<T>(items: T[], size = WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Reads the rows for all the (distinct) values, a chunk at a time. */
export async function readInChunks<Value, Row>(values: Iterable<Value>, read: (chunk: Value[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const chunk of chunks([...new Set(values)], READ_CHUNK)) rows.push(...(await read(chunk)));
  return rows;
}
