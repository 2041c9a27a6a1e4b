import 'server-only';
// The sync engine's batches in the metrics: how many, answered how, how long they took, and the
// items of those accepted (read back from the answer: the counts the batch wrote).
import { metrics } from './metrics';

const SECTIONS = ['profiles', 'users', 'sessions', 'issues'] as const;

export async function observeBatch(handle: () => Promise<Response>): Promise<Response> {
  const { batches, batchItems, batchDuration } = metrics();
  const stop = batchDuration.startTimer();
  const response = await handle();
  stop();
  batches.inc({ status: String(response.status) });
  if (response.ok) {
    const counts = (await response.clone().json()) as Partial<Record<(typeof SECTIONS)[number], number>>;
    for (const section of SECTIONS) if (counts[section]) batchItems.inc({ section }, counts[section]);
  }
  return response;
}
