// A memo of promised values by key, bounded: past `limit` (in the units `sizeOf` counts) of settled values,
// the oldest are forgotten, and made again if asked for. A failure is thrown to its caller and not kept.

export const boundedMemo = <T>(limit: number, sizeOf: (value: T) => number) => {
  const kept = new Map<string, Promise<T>>();
  const sizes = new Map<string, number>();
  let total = 0;
  // A value is set only when none is kept for its key, so what settles is always the one kept.
  const set = (key: string, made: Promise<T>): Promise<T> => {
    kept.set(key, made);
    made.then(
      (value) => {
        const size = sizeOf(value);
        sizes.set(key, size);
        total += size;
        for (const [oldest, size] of sizes) {
          if (total <= limit) break;
          sizes.delete(oldest);
          kept.delete(oldest);
          total -= size;
        }
      },
      () => kept.delete(key),
    );
    return made;
  };
  return {
    get: (key: string): Promise<T> | undefined => kept.get(key),
    set,
    /** The value kept for `key`, or the one `make` makes, kept. */
    through: (key: string, make: () => Promise<T>): Promise<T> => kept.get(key) ?? set(key, make()),
  };
};
