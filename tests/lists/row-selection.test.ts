// A selection spans pages: ticks on one page never change another's, "select all" of the period
// means the period (less what is unticked), and a download carries exactly that.
import { describe, expect, it } from 'vitest';
import {
  applyPageModel,
  isEmptySelection,
  NO_SELECTION,
  pageModel,
  parseSelection,
  selectionFields,
  selectionLabel,
  selectionProblem,
  selectionSize,
  serializeSelection,
} from '@/components/lists/row-selection';

const PAGE_1 = ['a1', 'a2', 'a3'];
const PAGE_2 = ['b1', 'b2', 'b3'];
const include = (...ids: string[]) => ({ type: 'include' as const, ids: new Set(ids) });
const WORDS = { rows: 'sessions', taker: 'a download', all: 'of the period', narrow: 'the period or its filters' };
const PERIOD = 'from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-04T00%3A00%3A00.000Z&status=error';

describe('a selection across pages', () => {
  it('keeps ticks of one page while another is ticked, and shows each page only its own', () => {
    let selection = applyPageModel(NO_SELECTION, PAGE_1, include('a1', 'a3'));
    selection = applyPageModel(selection, PAGE_2, include('b2'));
    expect(selectionFields(selection, PERIOD)).toEqual({ ids: 'a1,a3,b2' });
    expect(pageModel(selection, PAGE_1)).toEqual(include('a1', 'a3'));
    expect(pageModel(selection, PAGE_2)).toEqual(include('b2'));
    // Unticking on page 1 leaves page 2's tick.
    selection = applyPageModel(selection, PAGE_1, include('a3'));
    expect(selectionFields(selection, PERIOD)).toEqual({ ids: 'b2,a3' });
  });

  it("the header checkbox ticks this page's rows, not the next page's", () => {
    // The grid reports "all" as an exclude model with nothing excluded.
    const selection = applyPageModel(NO_SELECTION, PAGE_1, { type: 'exclude', ids: new Set() });
    expect(pageModel(selection, PAGE_2)).toEqual(include());
    expect(selectionSize(selection, { count: 6, capped: false })).toEqual({ count: 3, atLeast: false });
  });

  it('all of the period except the rows unticked, on any page', () => {
    let selection = applyPageModel({ kind: 'all', except: new Set() }, PAGE_2, include('b1', 'b3'));
    selection = applyPageModel(selection, PAGE_1, include('a2', 'a3'));
    expect(pageModel(selection, PAGE_1)).toEqual(include('a2', 'a3'));
    expect(selectionSize(selection, { count: 6, capped: false })).toEqual({ count: 4, atLeast: false });
    expect(selectionSize(selection, { count: 10_000, capped: true })).toEqual({ count: 9_998, atLeast: true });
    const fields = selectionFields(selection, PERIOD);
    expect(fields).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z', status: 'error', except: 'b2,a1' });
    expect(selectionFields({ kind: 'all', except: new Set() }, PERIOD)).not.toHaveProperty('except');
  });

  it('is named on the buttons by its size: ticked ones, or the period less the unticked', () => {
    expect(selectionLabel(applyPageModel(NO_SELECTION, PAGE_1, include('a1', 'a2')), { count: 6, capped: false })).toBe('2');
    expect(selectionLabel({ kind: 'all', except: new Set() }, { count: 2_345, capped: false })).toBe('all 2,345');
    expect(selectionLabel({ kind: 'all', except: new Set(['a', 'b']) }, { count: 10_000, capped: true })).toBe('all 10,000+ except 2');
  });

  it('is empty with nothing ticked, or a whole period that has no session', () => {
    expect(isEmptySelection(NO_SELECTION, { count: 5, capped: false })).toBe(true);
    expect(isEmptySelection({ kind: 'all', except: new Set() }, { count: 0, capped: false })).toBe(true);
    expect(isEmptySelection({ kind: 'all', except: new Set(['x']) }, { count: 10_000, capped: true })).toBe(false);
  });

  it('says why past 1,000 ids a download cannot carry it', () => {
    const many = new Set(Array.from({ length: 1_001 }, (_, i) => `id${i}`));
    expect(selectionProblem({ kind: 'chosen', ids: many }, WORDS)).toMatch(/at most 1,000 chosen one by one/);
    expect(selectionProblem({ kind: 'all', except: many }, WORDS)).toMatch(/leaves out at most 1,000/);
    expect(selectionProblem({ kind: 'chosen', ids: new Set(['a']) }, WORDS)).toBeNull();
  });

  it('is kept and read back, and anything else reads as no selection', () => {
    const selection = applyPageModel({ kind: 'all', except: new Set() }, PAGE_1, include('a1'));
    expect(parseSelection(serializeSelection(selection))).toEqual(selection);
    expect(parseSelection(null)).toEqual(NO_SELECTION);
    expect(parseSelection('{"kind":"chosen","ids":[1,"a"]}')).toEqual({ kind: 'chosen', ids: new Set(['a']) });
    expect(parseSelection('not json')).toEqual(NO_SELECTION);
    // What a statistics selection kept before the kinds were renamed still reads.
    expect(parseSelection('{"kind":"period","except":["x"]}')).toEqual({ kind: 'all', except: new Set(['x']) });
  });
});
