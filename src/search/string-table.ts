const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The 32-bit FNV-1a hash of character codes, fed one at a time: `hash = nextHash(hash, code)`. */
export const HASH_START = FNV_OFFSET;
export function nextHash(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

export function hashOf(text: string): number {
  let hash = HASH_START;
  for (let i = 0; i < text.length; i++) hash = nextHash(hash, text.charCodeAt(i));
  return hash;
}

/** Whether `key` is the text from `start` to `end`, as the caller reads it. */
export type SameSpan = (key: string, text: string, start: number, end: number) => boolean;

export const sameSpan: SameSpan = (key, text, start, end) => {
  if (key.length !== end - start) return false;
  for (let i = start; i < end; i++) if (key.charCodeAt(i - start) !== text.charCodeAt(i)) return false;
  return true;
};

/**
 * Strings numbered 0, 1, 2… in the order they are added, found by open addressing on a 32-bit hash.
 * A span of a larger text can be looked up without cutting it out: indexing a large knowledge base is
 * millions of look-ups, and a Map would need a new string, its hash and a walk through its tables for
 * each. Each slot holds an entry and its hash side by side, so most look-ups touch one cache line
 * before comparing the key itself.
 */
export class StringTable {
  readonly keys: string[] = [];
  /** pairs (entry + 1, hash); entry + 1 = 0 is an empty slot */
  private slots = new Int32Array(2 * 1024);

  get size(): number {
    return this.keys.length;
  }

  /** The number of `key`, or -1. */
  get(key: string): number {
    return this.find(key, 0, key.length, hashOf(key), sameSpan);
  }

  /** The number of the span `start`–`end` of `text` with that `hash`, as `same` compares it, or -1. */
  find(text: string, start: number, end: number, hash: number, same: SameSpan): number {
    const mask = this.slots.length / 2 - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[2 * slot] as number) - 1;
      if (entry < 0) return -1;
      if (this.slots[2 * slot + 1] === hash && same(this.keys[entry] as string, text, start, end))
        return entry;
    }
  }

  /** Adds `key` (not yet in the table; `hash` is its hash as the finder computes it) and gives its number. */
  add(key: string, hash: number = hashOf(key)): number {
    const entry = this.keys.length;
    this.keys.push(key);
    if (4 * this.keys.length > this.slots.length) this.grow();
    this.place(this.slots, entry, hash);
    return entry;
  }

  private place(slots: Int32Array, entry: number, hash: number): void {
    const mask = slots.length / 2 - 1;
    let slot = hash & mask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = entry + 1;
    slots[2 * slot + 1] = hash;
  }

  /** Twice the slots, so that at most half of them are in use. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += 2) {
      if (old[slot] !== 0) this.place(this.slots, (old[slot] as number) - 1, old[slot + 1] as number);
    }
  }
}
