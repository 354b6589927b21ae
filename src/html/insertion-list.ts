// Entries per block: 256 KB per column; a page grows its list a block at a time, never copying what it holds.
const BLOCK_BITS = 16;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;

/**
 * The tags to insert into a page, in order: for each, the UTF-16 offset in the input and the index of its markup in
 * `texts` (the same few open tags and one close tag, shared). Two columns of 32-bit integers in fixed blocks: a dense
 * page's millions of tags cost 8 bytes each, with no object, no string pointer and no copy as the list grows (plain
 * arrays took 16 bytes a tag, and half as much again of copies left to the garbage collector while growing).
 */
export class InsertionList {
  /** The markup of the tags, by index. */
  readonly texts: string[] = [];
  private readonly _offsets: Uint32Array[] = [];
  private readonly _tags: Uint32Array[] = [];
  private readonly _shared = new Map<string, number>();
  private _length = 0;

  /** A list of `offsets[i]` → `texts[i]` (the tests' and small callers' form). */
  static from(offsets: readonly number[], texts: readonly string[]): InsertionList {
    const list = new InsertionList();
    offsets.forEach((offset, i) => list.push(offset, list.share(texts[i]!)));
    return list;
  }

  get length(): number {
    return this._length;
  }

  /** The index of markup used by many tags (stored once). */
  share(text: string): number {
    let index = this._shared.get(text);
    if (index === undefined) this._shared.set(text, (index = this.texts.push(text) - 1));
    return index;
  }

  /** The index of markup used by one tag (an open tag with its own match id): not looked up again. */
  once(text: string): number {
    return this.texts.push(text) - 1;
  }

  push(offset: number, tag: number): void {
    const block = this._length >>> BLOCK_BITS;
    if (block === this._offsets.length) {
      this._offsets.push(new Uint32Array(BLOCK_SIZE));
      this._tags.push(new Uint32Array(BLOCK_SIZE));
    }
    this._offsets[block]![this._length & BLOCK_MASK] = offset;
    this._tags[block]![this._length & BLOCK_MASK] = tag;
    this._length++;
  }

  offsetAt(i: number): number {
    return this._offsets[i >>> BLOCK_BITS]![i & BLOCK_MASK]!;
  }

  /** The markup of tag i. */
  textAt(i: number): string {
    return this.texts[this._tags[i >>> BLOCK_BITS]![i & BLOCK_MASK]!]!;
  }

  /** The index in `texts` of tag i's markup. */
  tagAt(i: number): number {
    return this._tags[i >>> BLOCK_BITS]![i & BLOCK_MASK]!;
  }

  /** Sorts by offset with `compare` deciding between tags at one offset (stable otherwise). */
  sort(compare: (a: string, b: string) => number): void {
    const order = Array.from({ length: this._length }, (_, i) => i);
    order.sort((a, b) => this.offsetAt(a) - this.offsetAt(b) || compare(this.textAt(a), this.textAt(b)));
    const offsets = order.map((i) => this.offsetAt(i));
    const tags = order.map((i) => this.tagAt(i));
    for (let i = 0; i < this._length; i++) {
      this._offsets[i >>> BLOCK_BITS]![i & BLOCK_MASK] = offsets[i]!;
      this._tags[i >>> BLOCK_BITS]![i & BLOCK_MASK] = tags[i]!;
    }
  }
}
