// The sync issues URL and download query: from, to (absent = all time), type, operation, code.
import { ISSUE_OPERATIONS, ISSUE_TYPES, type IssueOperation, type IssueType } from '@/domain/sync-vocabulary';
import { single, type Parsed, type SearchParams } from '@/lib/paging/list-params';
import { parseRange, type TimeRange } from '@/lib/time/parse-range';

export interface IssueParams {
  range: TimeRange;
  type: IssueType | null;
  operation: IssueOperation | null;
  code: number | null;
}

export function parseIssueParams(params: SearchParams): Parsed<IssueParams> {
  const range = parseRange({ from: single(params.from), to: single(params.to) });
  if (!range.ok) return { ok: false, message: range.message };
  const type = single(params.type);
  if (type && !(ISSUE_TYPES as readonly string[]).includes(type)) return { ok: false, message: `"type" must be one of ${ISSUE_TYPES.join(', ')}.` };
  const operation = single(params.operation);
  if (operation && !(ISSUE_OPERATIONS as readonly string[]).includes(operation)) return { ok: false, message: `"operation" must be one of ${ISSUE_OPERATIONS.join(', ')}.` };
  const codeText = single(params.code);
  const code = codeText ? Number(codeText) : null;
  if (codeText && (!Number.isInteger(code) || Math.abs(code!) > 2_147_483_647)) return { ok: false, message: '"code" must be a whole number.' };
  return { ok: true, value: { range: range.range, type: (type as IssueType) || null, operation: (operation as IssueOperation) || null, code } };
}
