import fc from 'fast-check';
import { expect, it } from 'vitest';
import { foldedFinder } from '@/lib/logs/folded-finder';

/** Every start of `query` in `text`, any case, not overlapping: what a /gi regular expression finds. */
function regexMatches(text: string, query: string): number[] {
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  return [...text.matchAll(pattern)].map((match) => match.index!);
}

function finderMatches(text: string, query: string): number[] {
  const bytes = Buffer.from(text, 'latin1');
  const finder = foldedFinder(query);
  const found: number[] = [];
  for (let at = finder.find(bytes, 0); at !== -1; at = finder.find(bytes, at + finder.length)) found.push(at);
  return found;
}

it('finds an ASCII text in any case exactly where a case-insensitive regular expression does', () => {
  const alphabet = fc.constantFrom(...'aAbBzZ-_ 09@[`{\n'.split(''));
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 400 }).map((chars) => chars.join('')), fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((chars) => chars.join('')), (text, query) => {
      expect(finderMatches(text, query)).toEqual(regexMatches(text, query));
    }),
    { numRuns: 2000 },
  );
});

it('folds only ASCII letters: the bytes next to them in the table ([ ` @ {) stay themselves', () => {
  expect(finderMatches('a[b A{B a@b', 'A[B')).toEqual([0]);
  expect(finderMatches('`', '@')).toEqual([]);
  expect(finderMatches('NEEDLE needle NeEdLe', 'needle')).toEqual([0, 7, 14]);
});
