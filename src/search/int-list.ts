/**
 * An append-only list of integers in an Int32Array that doubles as it fills: building the index of a
 * large knowledge base appends millions of word ids and postings.
 */
export class IntList {
  length = 0;
  private items = new Int32Array(1024);

  push(value: number): void {
    if (this.length === this.items.length) {
      const larger = new Int32Array(this.items.length * 2);
      larger.set(this.items);
      this.items = larger;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index] as number;
  }

  /** The integers appended so far, as an Int32Array of exactly that length (a copy). */
  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }
}
