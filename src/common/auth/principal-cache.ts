import type { PrincipalRecord, Surface } from './principal';

interface Entry {
  record: PrincipalRecord;
  expiresAt: number;
}

/**
 * The signature guard's copy of principals' credentials, so a polling request does not cost a
 * database round trip for the caller's token. Entries live `ttlMs` at most; a change of token,
 * disabled flag or company drops the entry as soon as its NOTIFY arrives (see the Totals
 * migration's principal trigger). Unknown principals are never cached. Bounded: the oldest
 * entries go first when full.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  /** Moves on every invalidation: a read that started before one must not be cached. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(role: Surface, id: number): PrincipalRecord | undefined {
    if (this.ttlMs <= 0) return undefined;
    const key = `${role}:${id}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.record;
  }

  /** Read before the database lookup; pass it to set(). */
  get version(): number {
    return this.generation;
  }

  /**
   * Caches what a lookup started at `version` found, unless a change was notified since (the
   * row read may predate that change).
   */
  set(role: Surface, record: PrincipalRecord, version = this.generation): void {
    if (this.ttlMs <= 0 || version !== this.generation) return;
    const key = `${role}:${record.id}`;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { record, expiresAt: this.now() + this.ttlMs });
  }

  /** `role:id` as the principal trigger notifies it. */
  invalidate(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
