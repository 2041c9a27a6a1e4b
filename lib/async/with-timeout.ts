// A promise bounded in time: rejects after `ms` when it has not settled (the timer does not keep
// the process alive). For checks that must answer even when the database does not.
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}
