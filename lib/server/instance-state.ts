// What this app instance is doing, shared between its HTTP server (lib/server/instance-server.ts,
// started by scripts/serve.ts) and the application it serves (the readiness check, the shutdown,
// the logger, the replica's reads): whether it is stopping, how many requests are in flight, and
// the request being handled. The server and Next's bundles load this file as separate module
// instances, so the state lives on globalThis.
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
  /** Set when the request wrote (an admin's action): its reads go to the primary (db/read-replica.ts). */
  wrote?: boolean;
}

interface InstanceState {
  draining: boolean;
  inFlight: number;
  /** Set by the HTTP server: stops accepting and waits for the requests in flight, up to its deadline. */
  drain?: () => Promise<void>;
  requests: AsyncLocalStorage<RequestContext>;
}

const KEY = Symbol.for('sync-admin-panel.instance-state');
type GlobalWithState = typeof globalThis & { [KEY]?: InstanceState };

export function instanceState(): InstanceState {
  const holder = globalThis as GlobalWithState;
  holder[KEY] ??= { draining: false, inFlight: 0, requests: new AsyncLocalStorage() };
  return holder[KEY];
}

/** True from the stop signal on: the instance answers "not ready" and takes no new work. */
export const isDraining = (): boolean => instanceState().draining;

/** The id of the request this code runs for (the `x-request-id` header), if any. */
export const currentRequestId = (): string | undefined => instanceState().requests.getStore()?.requestId;

/** Marks the instance as stopping and waits for the HTTP server to finish what is in flight
 *  (at once when no server of ours runs it, as under `next dev` or in tests). */
export async function drainInstance(): Promise<void> {
  const state = instanceState();
  state.draining = true;
  await state.drain?.();
}
