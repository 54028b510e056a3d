/**
 * Runs `runBatch` (which handles at most `batchSize` items and says how many it handled)
 * until a batch comes back short, and returns the total. Another instance working at the
 * same time can make a batch short early; what is left goes at the next run.
 */
export async function untilShortBatch(
  batchSize: number,
  runBatch: (limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await runBatch(batchSize);
    total += handled;
    if (handled < batchSize) return total;
  }
}
