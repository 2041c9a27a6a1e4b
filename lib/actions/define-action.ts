import 'server-only';
// Server actions in one shape: resolve who is asking (a tenant's admin or a support agent, as
// the pages do), validate the input with zod, run, revalidate, and answer a message for the
// page. Known errors keep their message, unknown ones are logged and answered generically
// (action-result.ts). The ownership check itself stays in the data layer the action calls.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requireSupportViewer, requireTenantViewer } from '@/lib/auth/require-viewer';
import type { SupportViewer, TenantViewer } from '@/lib/auth/viewer';
import { markOwnWrite } from '@/db/read-replica';
import { actionFailure } from './action-result';
import type { ActionState } from './action-state';

interface ActionOptions {
  /** The layout below which pages show what the action changed. */
  revalidate?: string;
}

function defineAction<Viewer, Schema extends z.ZodType, Result extends ActionState>(
  resolveViewer: () => Promise<Viewer>,
  schema: Schema,
  run: (viewer: Viewer, input: z.output<Schema>) => Promise<Result>,
  { revalidate }: ActionOptions,
): (input: unknown) => Promise<Result | ActionState> {
  return async (input) => {
    try {
      const viewer = await resolveViewer();
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(' ') };
      const result = await run(viewer, parsed.data);
      // The page it re-renders, and the admin's next pages for a while, read their own write.
      await markOwnWrite();
      if (revalidate) revalidatePath(revalidate, 'layout');
      return result;
    } catch (error) {
      return actionFailure(error);
    }
  };
}

/** An action of a tenant's admin (platform or profile admin of a tenant with panel access). */
export const tenantAction = <Schema extends z.ZodType, Result extends ActionState>(
  schema: Schema,
  run: (viewer: TenantViewer, input: z.output<Schema>) => Promise<Result>,
  options: ActionOptions = {},
) => defineAction(requireTenantViewer, schema, run, options);

/** An action of a support agent. */
export const supportAction = <Schema extends z.ZodType, Result extends ActionState>(
  schema: Schema,
  run: (viewer: SupportViewer, input: z.output<Schema>) => Promise<Result>,
  options: ActionOptions = {},
) => defineAction(requireSupportViewer, schema, run, options);

/** A form's fields as an object for a schema: a field sent more than once becomes a list. */
export function formFields(form: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map(String);
    fields[key] = values.length > 1 ? values : values[0]!;
  }
  return fields;
}
