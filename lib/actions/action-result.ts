import 'server-only';
// What a server action answers its form: a message to show. Known errors keep their message;
// anything else is logged and answered generically.
import { unstable_rethrow } from 'next/navigation';
import { HttpError } from '@/lib/http/errors';
import { logger } from '@/lib/logger';
import type { ActionState } from './action-state';

export function actionFailure(error: unknown): ActionState {
  unstable_rethrow(error);
  if (error instanceof HttpError) return { ok: false, message: error.message };
  logger().error({ err: error }, 'server action failed');
  return { ok: false, message: 'Something went wrong on our side. Please try again.' };
}
