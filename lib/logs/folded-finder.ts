// Finds an ASCII text in bytes in any case, without decoding them: Boyer-Moore-Horspool over
// the bytes with ASCII letters folded to lower case. A log's search reads gigabytes; decoding
// each run to a string first (to use a regular expression) made the garbage collector of a
// busy server the larger part of the work.

const A = 0x41;
const Z = 0x5a;
const TO_LOWER = 0x20;

/** A finder of `query` (printable ASCII only): (bytes, from) → the offset of the next match, or -1. */
export function foldedFinder(query: string): { length: number; find: (bytes: Uint8Array, from: number) => number } {
  const needle = Uint8Array.from(query.toLowerCase(), (char) => char.charCodeAt(0));
  const m = needle.length;
  // How far the window may move when the byte under its last position is `b`.
  const shift = new Int32Array(256).fill(m);
  for (let i = 0; i < m - 1; i++) {
    const b = needle[i]!;
    shift[b] = m - 1 - i;
    if (b >= A + TO_LOWER && b <= Z + TO_LOWER) shift[b - TO_LOWER] = m - 1 - i;
  }
  const find = (bytes: Uint8Array, from: number): number => {
    const n = bytes.length;
    for (let end = from + m - 1; end < n; end += shift[bytes[end]!]!) {
      let j = m - 1;
      let k = end;
      while (j >= 0) {
        let b = bytes[k]!;
        if (b >= A && b <= Z) b += TO_LOWER;
        if (b !== needle[j]) break;
        j--;
        k--;
      }
      if (j < 0) return k + 1;
    }
    return -1;
  };
  return { length: m, find };
}
