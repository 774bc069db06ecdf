/**
 * Work done once per key, kept while it is wanted: the first request for a page starts its
 * render and every request meanwhile shares that promise. Keys listed as `pinned` (the index and
 * the role pages: a fixed, small set) stay for the life of the snapshot; the rest (comparisons
 * and paths, of which there are hundreds of thousands) are kept by least recent use, at most
 * `capacity`. A failed render is forgotten, and so is one `keep` refuses (a page whose chart
 * could not be drawn), so the next request tries again.
 */
export class Memo<V> {
  private readonly pinned = new Map<string, Promise<V>>();
  private readonly recent = new Map<string, Promise<V>>();

  constructor(
    private readonly capacity: number,
    private readonly keep: (value: V) => boolean = () => true,
  ) {}

  get size(): number {
    return this.pinned.size + this.recent.size;
  }

  get(key: string, pin: boolean, make: () => Promise<V>): Promise<V> {
    const found = this.pinned.get(key) ?? this.recent.get(key);
    if (found) {
      if (this.recent.delete(key)) this.recent.set(key, found);
      return found;
    }
    const made = make();
    const store = pin ? this.pinned : this.recent;
    store.set(key, made);
    if (!pin && this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value!);
    made.then(
      (v) => {
        if (!this.keep(v) && store.get(key) === made) store.delete(key);
      },
      () => {
        if (store.get(key) === made) store.delete(key);
      },
    );
    return made;
  }
}
