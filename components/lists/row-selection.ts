// Which rows of a list an admin has selected, across pages and sorts: either rows chosen one by
// one, or all rows the list's filters match (a statistics period, the users of a filter) except
// some. The grid only ever sees the current page's part of it; a tick or the header checkbox
// changes this page's rows, never another page's. At most 1,000 ids either way (what a
// download or a bulk action takes).
import type { GridRowSelectionModel } from '@mui/x-data-grid';
import { formatCappedCount, formatCount } from '@/lib/paging/format-count';
import { MAX_SELECTION_IDS } from '@/lib/paging/selection-limit';

export type RowSelection = { kind: 'chosen'; ids: ReadonlySet<string> } | { kind: 'all'; except: ReadonlySet<string> };

export const NO_SELECTION: RowSelection = { kind: 'chosen', ids: new Set() };

export function isSelected(selection: RowSelection, id: string): boolean {
  return selection.kind === 'chosen' ? selection.ids.has(id) : !selection.except.has(id);
}

/** The grid's model for the rows of this page. */
export function pageModel(selection: RowSelection, pageIds: readonly string[]): GridRowSelectionModel {
  return { type: 'include', ids: new Set(pageIds.filter((id) => isSelected(selection, id))) };
}

const selectedIn = (model: GridRowSelectionModel, id: string) => (model.type === 'include' ? model.ids.has(id) : !model.ids.has(id));

/** The selection after the grid changed this page's ticks (a row, or the header checkbox). */
export function applyPageModel(selection: RowSelection, pageIds: readonly string[], model: GridRowSelectionModel): RowSelection {
  const onPage = new Set(pageIds);
  const kept = [...(selection.kind === 'chosen' ? selection.ids : selection.except)].filter((id) => !onPage.has(id));
  if (selection.kind === 'chosen') return { kind: 'chosen', ids: new Set([...kept, ...pageIds.filter((id) => selectedIn(model, id))]) };
  return { kind: 'all', except: new Set([...kept, ...pageIds.filter((id) => !selectedIn(model, id))]) };
}

/** How many rows the selection holds, given how many the filters match (capped at 10,000). */
export function selectionSize(selection: RowSelection, total: { count: number; capped: boolean }): { count: number; atLeast: boolean } {
  if (selection.kind === 'chosen') return { count: selection.ids.size, atLeast: false };
  return { count: Math.max(0, total.count - selection.except.size), atLeast: total.capped };
}

/** The selection's size as the buttons say it: "2", "all 2,345", "all 10,000+ except 2". */
export function selectionLabel(selection: RowSelection, total: { count: number; capped: boolean }): string {
  if (selection.kind === 'chosen') return formatCount(selection.ids.size);
  const all = `all ${formatCappedCount(total)}`;
  return selection.except.size > 0 ? `${all} except ${formatCount(selection.except.size)}` : all;
}

export function isEmptySelection(selection: RowSelection, total: { count: number; capped: boolean }): boolean {
  return selectionSize(selection, total).count === 0 && !(selection.kind === 'all' && total.capped);
}

/** How a list names what it selects, for the messages: "sessions", "a download", "of the period". */
export interface SelectionWords {
  /** Plural noun: "sessions", "users". */
  rows: string;
  /** What takes the selection: "a download", "an action". */
  taker: string;
  /** What "all" covers: "of the period", "matching these filters". */
  all: string;
  /** What to narrow instead of unticking more: "the period or its filters", "the filters". */
  narrow: string;
}

/** Why a selection cannot be sent, or null: past 1,000 ids the admin chooses otherwise. */
export function selectionProblem(selection: RowSelection, words: SelectionWords): string | null {
  if (selection.kind === 'chosen' && selection.ids.size > MAX_SELECTION_IDS) {
    return `${formatCount(selection.ids.size)} ${words.rows} are ticked; ${words.taker} takes at most ${formatCount(MAX_SELECTION_IDS)} chosen one by one. Select all ${words.all} instead, and untick the ones to leave out.`;
  }
  if (selection.kind === 'all' && selection.except.size > MAX_SELECTION_IDS) {
    return `${formatCount(selection.except.size)} ${words.rows} are unticked; ${words.taker} leaves out at most ${formatCount(MAX_SELECTION_IDS)}. Narrow ${words.narrow} instead.`;
  }
  return null;
}

/** The form fields that send the selection: its ids, or the list's query and the ids left out. */
export function selectionFields(selection: RowSelection, listQuery: string): Record<string, string> {
  if (selection.kind === 'chosen') return { ids: [...selection.ids].join(',') };
  const fields = Object.fromEntries(new URLSearchParams(listQuery));
  return selection.except.size > 0 ? { ...fields, except: [...selection.except].join(',') } : fields;
}

/** For keeping a selection in sessionStorage (it survives the page's navigations). */
export function serializeSelection(selection: RowSelection): string {
  return JSON.stringify(selection.kind === 'chosen' ? { kind: 'chosen', ids: [...selection.ids] } : { kind: 'all', except: [...selection.except] });
}

export function parseSelection(text: string | null): RowSelection {
  try {
    const value = JSON.parse(text ?? '') as { kind?: unknown; ids?: unknown; except?: unknown };
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []);
    if (value.kind === 'chosen') return { kind: 'chosen', ids: new Set(strings(value.ids)) };
    // 'period': what a statistics selection was called before users could be selected too.
    if (value.kind === 'all' || value.kind === 'period') return { kind: 'all', except: new Set(strings(value.except)) };
  } catch {
    // nothing kept, or not ours
  }
  return NO_SELECTION;
}
