// COPY's LF-ended CSV records become CRLF-ended, line breaks inside quoted cells stay as they
// are, wherever the chunks from the server happen to split the bytes.
import { describe, expect, it } from 'vitest';
import { crlfRecords } from '@/lib/exports/sessions-csv-copy';

const COPY_OUTPUT = 'a,"multi\nline",b\n"",x,"quote "" and\nbreak"\nplain,,\n"ends with quote"""\nlast\n';
const WANT = 'a,"multi\nline",b\r\n"",x,"quote "" and\nbreak"\r\nplain,,\r\n"ends with quote"""\r\nlast\r\n';

async function convert(chunks: string[]): Promise<string> {
  async function* source() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const parts: Buffer[] = [];
  for await (const part of crlfRecords(source())) parts.push(Buffer.from(part));
  return Buffer.concat(parts).toString();
}

describe('crlfRecords', () => {
  it('ends records with CRLF and keeps quoted line breaks, in one chunk', async () => {
    expect(await convert([COPY_OUTPUT])).toBe(WANT);
  });

  it('gives the same bytes for every split into two chunks and for one byte per chunk', async () => {
    for (let at = 0; at <= COPY_OUTPUT.length; at++) {
      expect(await convert([COPY_OUTPUT.slice(0, at), COPY_OUTPUT.slice(at)]), `split at ${at}`).toBe(WANT);
    }
    expect(await convert([...COPY_OUTPUT])).toBe(WANT);
  });

  it('passes UTF-8 untouched in chunks without quotes, even split inside a character', async () => {
    const text = 'ünïcödé,🚀 漢字\nnext,row\n';
    const bytes = Buffer.from(text);
    for (let at = 0; at <= bytes.length; at++) {
      const parts: Buffer[] = [];
      async function* source() {
        yield bytes.subarray(0, at);
        yield bytes.subarray(at);
      }
      for await (const part of crlfRecords(source())) parts.push(Buffer.from(part));
      expect(Buffer.concat(parts).toString(), `split at ${at}`).toBe(text.replaceAll('\n', '\r\n'));
    }
  });
});
