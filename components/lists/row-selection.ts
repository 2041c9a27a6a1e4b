// Which sessions of a period an admin has selected for download, across pages and sorts: either
// sessions chosen one by one, or all of the period except some. The grid only ever sees the
// current page's part of it; a tick or the header checkbox changes this page's rows, never
// another page's. At most 1,000 ids either way (what a download takes).
import type { GridRowSelectionModel } from '@mui/x-data-grid';
import { formatCappedCount, formatCount } from '@/lib/paging/format-count';
import { MAX_SELECTION_IDS } from '@/lib/sessions/selection-limit';


export type SessionSelection = { kind: 'chosen'; ids: ReadonlySet<string> } | { kind: 'period'; except: ReadonlySet<string> };

export const NO_SELECTION: SessionSelection = { kind: 'chosen', ids: new Set() };

export function isSelected(selection: SessionSelection, id: string): boolean {
  return selection.kind === 'chosen' ? selection.ids.has(id) : !selection.except.has(id);
}

/** The grid's model for the rows of this page. */
export function pageModel(selection: SessionSelection, pageIds: readonly string[]): GridRowSelectionModel {
  return { type: 'include', ids: new Set(pageIds.filter((id) => isSelected(selection, id))) };
}

const selectedIn = (model: GridRowSelectionModel, id: string) => (model.type === 'include' ? model.ids.has(id) : !model.ids.has(id));

/** The selection after the grid changed this page's ticks (a row, or the header checkbox). */
export function applyPageModel(selection: SessionSelection, pageIds: readonly string[], model: GridRowSelectionModel): SessionSelection {
  const onPage = new Set(pageIds);
  const kept = [...(selection.kind === 'chosen' ? selection.ids : selection.except)].filter((id) => !onPage.has(id));
  if (selection.kind === 'chosen') return { kind: 'chosen', ids: new Set([...kept, ...pageIds.filter((id) => selectedIn(model, id))]) };
  return { kind: 'period', except: new Set([...kept, ...pageIds.filter((id) => !selectedIn(model, id))]) };
}

/** How many sessions the selection holds, given how many the period has (capped at 10,000). */
export function selectionSize(selection: SessionSelection, total: { count: number; capped: boolean }): { count: number; atLeast: boolean } {
  if (selection.kind === 'chosen') return { count: selection.ids.size, atLeast: false };
  return { count: Math.max(0, total.count - selection.except.size), atLeast: total.capped };
}

/** The selection's size as the buttons say it: "2", "all 2,345", "all 10,000+ except 2". */
export function selectionLabel(selection: SessionSelection, total: { count: number; capped: boolean }): string {
  if (selection.kind === 'chosen') return formatCount(selection.ids.size);
  const all = `all ${formatCappedCount(total)}`;
  return selection.except.size > 0 ? `${all} except ${formatCount(selection.except.size)}` : all;
}

export function isEmptySelection(selection: SessionSelection, total: { count: number; capped: boolean }): boolean {
  return selectionSize(selection, total).count === 0 && !(selection.kind === 'period' && total.capped);
}

/** The ids a download must carry, or why it cannot: past 1,000 the admin chooses otherwise. */
export function selectionProblem(selection: SessionSelection): string | null {
  if (selection.kind === 'chosen' && selection.ids.size > MAX_SELECTION_IDS) {
    return `${formatCount(selection.ids.size)} sessions are ticked; a download takes at most ${formatCount(MAX_SELECTION_IDS)} chosen one by one. Select all of the period instead, and untick the ones to leave out.`;
  }
  if (selection.kind === 'period' && selection.except.size > MAX_SELECTION_IDS) {
    return `${formatCount(selection.except.size)} sessions are unticked; a download leaves out at most ${formatCount(MAX_SELECTION_IDS)}. Narrow the period or its filters instead.`;
  }
  return null;
}

/** The form fields of a download of the selection: its ids, or the period's query and the ids left out. */
export function selectionFields(selection: SessionSelection, periodQuery: string): Record<string, string> {
  if (selection.kind === 'chosen') return { ids: [...selection.ids].join(',') };
  const fields = Object.fromEntries(new URLSearchParams(periodQuery));
  return selection.except.size > 0 ? { ...fields, except: [...selection.except].join(',') } : fields;
}

/** For keeping a selection in sessionStorage (it survives the page's navigations). */
export function serializeSelection(selection: SessionSelection): string {
  return JSON.stringify(selection.kind === 'chosen' ? { kind: 'chosen', ids: [...selection.ids] } : { kind: 'period', except: [...selection.except] });
}

export function parseSelection(text: string | null): SessionSelection {
  try {
    const value = JSON.parse(text ?? '') as { kind?: unknown; ids?: unknown; except?: unknown };
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []);
    if (value.kind === 'chosen') return { kind: 'chosen', ids: new Set(strings(value.ids)) };
    if (value.kind === 'period') return { kind: 'period', except: new Set(strings(value.except)) };
  } catch {
    // nothing kept, or not ours
  }
  return NO_SELECTION;
}
