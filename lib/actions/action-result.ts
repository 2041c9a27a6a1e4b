import 'server-only';
// What a server action answers its form: a message to show. Known errors keep their message;
// anything else is logged and answered generically.
import { unstable_rethrow } from 'next/navigation';
import { asHttpError } from '@/lib/http/errors';
import { logger } from '@/lib/logger';
import type { ActionState } from './action-state';

export function actionFailure(error: unknown): ActionState {
  unstable_rethrow(error);
  // Known errors, and a database that is away ("temporarily unavailable"), keep their message.
  const known = asHttpError(error);
  if (known) return { ok: false, message: known.message };
  logger().error({ err: error }, 'server action failed');
  return { ok: false, message: 'Something went wrong on our side. Please try again.' };
}
