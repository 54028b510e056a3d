import { describe, expect, it } from 'vitest';
import { untilShortBatch } from '../../src/shared/batches.js';

describe('untilShortBatch', () => {
  it('runs full batches until one comes back short, and adds them up', async () => {
    const remaining = [5, 5, 2];
    const limits: number[] = [];
    const total = await untilShortBatch(5, async (limit) => {
      limits.push(limit);
      return remaining.shift() ?? 0;
    });
    expect(total).toBe(12);
    expect(limits).toEqual([5, 5, 5]);
  });

  it('stops after an empty first batch', async () => {
    let calls = 0;
    expect(
      await untilShortBatch(3, async () => {
        calls += 1;
        return 0;
      }),
    ).toBe(0);
    expect(calls).toBe(1);
  });
});
