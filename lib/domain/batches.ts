// Reading a list in batches of the same filter and order: an export of any size streams. Pure.

/** Reads a list in batches (the same filter and order as its screen), so an export of any size streams. */
export async function* inBatches<T>(fetch: (skip: number, take: number) => Promise<T[]>, size = 1000): AsyncGenerator<T> {
  for (let skip = 0; ; skip += size) {
    const batch = await fetch(skip, size);
    yield* batch;
    if (batch.length < size) return;
  }
}
