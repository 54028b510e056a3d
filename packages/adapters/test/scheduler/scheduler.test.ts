import { afterEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from '../../src/scheduler/index.js';

/** A promise plus the function that settles it, to hold a job mid-run. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('Scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each job every N ms once started, and not before', async () => {
    vi.useFakeTimers();
    const runs: string[] = [];
    const scheduler = new Scheduler({ onError: () => {} })
      .add({ name: 'fast', everyMs: 100, run: async () => void runs.push('fast') })
      .add({ name: 'slow', everyMs: 250, run: async () => void runs.push('slow') });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual([]);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs.filter((r) => r === 'fast')).toHaveLength(5);
    expect(runs.filter((r) => r === 'slow')).toHaveLength(2);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(7);
  });

  it('also runs a long-interval job shortly after start, so frequent restarts do not starve it', async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const scheduler = new Scheduler({ onError: () => {}, firstRunAfterMs: 5_000 }).add({
      name: 'hourly',
      everyMs: 3_600_000,
      run: async () => void runs.push(Date.now()),
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runs).toHaveLength(2);
    await scheduler.stop();
  });

  it('never overlaps a job with itself: a tick during a run is skipped', async () => {
    vi.useFakeTimers();
    let active = 0;
    let maxActive = 0;
    let started = 0;
    const held = gate();
    const scheduler = new Scheduler({ onError: () => {} }).add({
      name: 'long',
      everyMs: 10,
      async run() {
        started += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await held.promise;
        active -= 1;
      },
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(1);
    // runOnce joins the run in flight instead of starting another.
    const joined = scheduler.runOnce('long');
    expect(started).toBe(1);
    held.open();
    await joined;
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toBe(2);
    expect(maxActive).toBe(1);
    await scheduler.stop();
  });

  it('reports a failing job to onError and keeps running it (async throw and sync throw)', async () => {
    const errors: [string, unknown][] = [];
    let calls = 0;
    const boom = new Error('database down');
    const scheduler = new Scheduler({ onError: (job, error) => errors.push([job, error]) })
      .add({
        name: 'async-fail',
        everyMs: 1_000,
        run: async () => {
          calls += 1;
          throw boom;
        },
      })
      .add({
        name: 'sync-fail',
        everyMs: 1_000,
        run: () => {
          throw new Error('sync');
        },
      });
    await expect(scheduler.runOnce('async-fail')).resolves.toBeUndefined();
    await scheduler.runOnce('async-fail');
    await scheduler.runOnce('sync-fail');
    expect(calls).toBe(2);
    expect(errors.map(([job]) => job)).toEqual(['async-fail', 'async-fail', 'sync-fail']);
    expect(errors[0]?.[1]).toBe(boom);
    // A job that failed is not stuck as "running": it runs again.
    await scheduler.runOnce('sync-fail');
    expect(errors).toHaveLength(4);
  });

  it('survives an onError that itself throws', async () => {
    const scheduler = new Scheduler({
      onError: () => {
        throw new Error('logger broke');
      },
    }).add({
      name: 'fail',
      everyMs: 1_000,
      run: async () => {
        throw new Error('x');
      },
    });
    await expect(scheduler.runOnce('fail')).resolves.toBeUndefined();
  });

  it('stop() waits for the runs in flight', async () => {
    const held = gate();
    let finished = false;
    const scheduler = new Scheduler({ onError: () => {} }).add({
      name: 'job',
      everyMs: 60_000,
      async run() {
        await held.promise;
        finished = true;
      },
    });
    const run = scheduler.runOnce('job');
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    held.open();
    await stopping;
    expect(finished).toBe(true);
    await run;
  });

  it('refuses duplicate names, bad intervals and unknown jobs', () => {
    const scheduler = new Scheduler({ onError: () => {} }).add({ name: 'a', everyMs: 1, run: async () => {} });
    expect(() => scheduler.add({ name: 'a', everyMs: 1, run: async () => {} })).toThrow(/already/);
    expect(() => scheduler.add({ name: 'b', everyMs: 0, run: async () => {} })).toThrow(/everyMs/);
    expect(() => scheduler.add({ name: 'c', everyMs: 1.5, run: async () => {} })).toThrow(/everyMs/);
    expect(() => scheduler.runOnce('zzz')).toThrow(/no job named zzz/);
    expect(scheduler.jobNames).toEqual(['a']);
  });

  it('unrefs its timers, so a scheduler alone never keeps the process alive', () => {
    const spy = vi.spyOn(globalThis, 'setInterval');
    const scheduler = new Scheduler({ onError: () => {} }).add({ name: 'a', everyMs: 1_000, run: async () => {} });
    scheduler.start();
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    spy.mockRestore();
    return scheduler.stop();
  });
});
