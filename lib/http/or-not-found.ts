import 'server-only';
// For pages: a data-layer "not found" (another tenant's or an out-of-scope id) renders the 404 page.
import { notFound } from 'next/navigation';
import { HttpError } from './errors';

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
}
