import 'server-only';
// Counts what runs at once, per key (an admin, a tenant) and in all, in this instance's memory:
// each app instance counts its own (docs/operations.md). Kept on globalThis: route handlers are
// bundled apart, and one process must have one count.

interface SlotCounts {
  total: number;
  byKey: Map<string, number>;
}

type SlotRefusal = 'key' | 'total';

export class ConcurrencySlots {
  constructor(private readonly name: string) {}

  private get counts(): SlotCounts {
    const holder = globalThis as { [key: symbol]: SlotCounts | undefined };
    const symbol = Symbol.for(`sync-admin-panel.slots.${this.name}`);
    return (holder[symbol] ??= { total: 0, byKey: new Map() });
  }

  /** Takes a slot, or says which limit refused it; the release is idempotent. */
  take(key: string, limits: { perKey: number; total: number }): { release: () => void } | { refused: SlotRefusal; held: number } {
    const state = this.counts;
    const held = state.byKey.get(key) ?? 0;
    if (held >= limits.perKey) return { refused: 'key', held };
    if (state.total >= limits.total) return { refused: 'total', held };
    state.total++;
    state.byKey.set(key, held + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        state.total--;
        const left = (state.byKey.get(key) ?? 1) - 1;
        if (left > 0) state.byKey.set(key, left);
        else state.byKey.delete(key);
      },
    };
  }

  inProgress(): number {
    return this.counts.total;
  }
}
