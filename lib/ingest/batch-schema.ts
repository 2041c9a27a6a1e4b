// The sync engine's batch (docs/engine-api.md), validated with zod: the API, its types and its
// OpenAPI description all come from these schemas.
import { z } from 'zod';
import { ERROR_SOURCES, ISSUE_OPERATIONS, ISSUE_TYPES, SESSION_STATUSES, SYNC_DIRECTIONS } from '@/domain/sync-vocabulary';
import { settingDefinition } from '@/lib/settings/catalog';
import { parseSetting } from '@/lib/settings/parse-setting';
import { containsNul } from '@/lib/text/unsafe-characters';
import { instantText } from '@/lib/time/instant-text';

export const MAX_SECTION_ITEMS = 10_000;

export const engineIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1 to 128 characters of A-Z a-z 0-9 . _ : -');
const instantSchema = instantText().transform((value) => new Date(value));
const emailSchema = z
  .email('must be an email address')
  .max(320)
  .transform((value) => value.toLowerCase());
const count = z.number().int().min(0).max(2_147_483_647);
// PostgreSQL's text cannot hold NUL: refused here (422 at its path) rather than by the database.
const text = (max: number) => z.string().max(max).refine((value) => !containsNul(value), 'must not contain the NUL character');
const name = text(200).trim().min(1);
const optionalText = (max: number) => text(max).nullable().optional();

// The enumerations are the sync vocabulary's (domain/sync-vocabulary.ts).

// A directory item the engine reports gone: `removed: true` needs only its key (the rest, if
// sent, is ignored). Without it — or with `false` — the item is in the directory, and one that
// was removed comes back.
const removedFlag = z
  .boolean()
  .optional()
  .describe('true: gone from the directory (only the key is needed); absent or false: present, and brought back if it was removed');

/** Fields a present item needs and a removed one does not. */
function requiredUnlessRemoved<Item extends { removed?: boolean }>(...fields: (keyof Item & string)[]) {
  return (item: Item, context: z.RefinementCtx) => {
    if (item.removed) return;
    for (const field of fields) if (item[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: 'is required unless "removed" is true' });
  };
}

export const batchProfileSchema = z
  .object({
    id: engineIdSchema,
    name: name.optional().describe('Required unless `removed` is true'),
    removed: removedFlag,
  })
  .superRefine(requiredUnlessRemoved('name'))
  // After validation, a removed profile is its id; a present one has its name.
  .transform(({ id, name, removed }) => (removed ? { id, removed: true as const } : { id, name: name!, removed: false as const }));

export const batchUserSchema = z
  .object({
    email: emailSchema,
    name: name.optional().describe('Required unless `removed` is true'),
    profileId: engineIdSchema.optional().describe('Required unless `removed` is true'),
    removed: removedFlag,
    // Absent: unchanged. null: the engine cleared the error.
    syncError: z
      .object({ reason: text(2_000).trim().min(1), at: instantSchema })
      .nullable()
      .optional(),
    // The user's own choices in the add-in; null clears one (the profile's value applies again).
    // Values of settings the profile forces are ignored: a forced value is never overridden.
    settings: z
      .record(text(100), z.union([text(100), z.boolean(), z.null()]))
      .optional()
      .superRefine((settings, context) => {
        for (const [key, value] of Object.entries(settings ?? {})) {
          if (value === null && settingDefinition(key)) continue;
          const parsed = parseSetting(key, value);
          if (!parsed.ok) context.addIssue({ code: 'custom', path: [key], message: parsed.message });
        }
      }),
  })
  .superRefine(requiredUnlessRemoved('name', 'profileId'))
  // After validation, a removed user is their email; a present one has every field it needs.
  .transform(({ removed, name, profileId, ...user }) =>
    removed ? { email: user.email, removed: true as const } : { ...user, name: name!, profileId: profileId!, removed: false as const },
  );

export const batchSessionSchema = z.object({
  id: engineIdSchema,
  userEmail: emailSchema,
  startedAt: instantSchema,
  endedAt: instantSchema.nullable().optional(),
  status: z.enum(SESSION_STATUSES),
  scope: count.nullable().optional(),
  changes: count.nullable().optional(),
  issues: count.nullable().optional(),
  errorCategory: optionalText(100),
  errorSource: z.enum(ERROR_SOURCES).nullable().optional(),
  message: optionalText(4_000),
  log: z.string().nullable().optional(),
  // The Sync now request (GET /sync-requests) this session answers, if it was started for one.
  requestId: z.uuid({ error: 'must be the id of a sync request' }).nullable().optional(),
})
  // The statistics' end-date order relies on it (lib/sessions/session-order.ts). Checked only
  // once both dates parsed: beside a malformed startedAt it has nothing to compare.
  .refine((session) => !(session.endedAt instanceof Date) || !(session.startedAt instanceof Date) || session.endedAt.getTime() >= session.startedAt.getTime(), {
    message: 'endedAt must not be before startedAt',
    path: ['endedAt'],
  });

export const batchIssueSchema = z.object({
  id: engineIdSchema,
  userEmail: emailSchema,
  sessionId: engineIdSchema.nullable().optional(),
  occurredAt: instantSchema,
  type: z.enum(ISSUE_TYPES),
  direction: z.enum(SYNC_DIRECTIONS),
  name: text(1_000),
  operation: z.enum(ISSUE_OPERATIONS),
  errorCode: z.number().int().min(-2_147_483_648).max(2_147_483_647),
  description: optionalText(4_000),
  errorSource: z.enum(ERROR_SOURCES).nullable().optional(),
  targetObjectId: optionalText(256),
});

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], context: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const value = key(item);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else context.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} (also at index ${first})` });
    });
  };
}

const section = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_SECTION_ITEMS).optional();

export const batchSchema = z.object({
  profiles: section(batchProfileSchema).superRefine((items, ctx) =>
    uniqueBy<z.infer<typeof batchProfileSchema>>((p) => p.id, 'profile id')(items ?? [], ctx),
  ),
  users: section(batchUserSchema).superRefine((items, ctx) =>
    uniqueBy<z.infer<typeof batchUserSchema>>((u) => u.email, 'user email')(items ?? [], ctx),
  ),
  sessions: section(batchSessionSchema).superRefine((items, ctx) =>
    uniqueBy<z.infer<typeof batchSessionSchema>>((s) => s.id, 'session id')(items ?? [], ctx),
  ),
  issues: section(batchIssueSchema).superRefine((items, ctx) =>
    uniqueBy<z.infer<typeof batchIssueSchema>>((i) => i.id, 'issue id')(items ?? [], ctx),
  ),
});

export type IngestBatch = z.infer<typeof batchSchema>;
export type IngestBatchInput = z.input<typeof batchSchema>;
export type BatchProfile = z.infer<typeof batchProfileSchema>;
export type BatchUser = z.infer<typeof batchUserSchema>;
export type PresentProfile = Extract<BatchProfile, { removed: false }>;
export type PresentUser = Extract<BatchUser, { removed: false }>;
/** Items the engine reports in its directory, and items it reports gone. */
export const reportedPresent = <Item extends { removed: boolean }>(item: Item): item is Extract<Item, { removed: false }> => !item.removed;
export const reportedRemoved = <Item extends { removed: boolean }>(item: Item): item is Extract<Item, { removed: true }> => item.removed;
export type BatchSession = z.infer<typeof batchSessionSchema>;
export type BatchIssue = z.infer<typeof batchIssueSchema>;
