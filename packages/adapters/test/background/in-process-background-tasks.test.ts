import { describe, expect, it } from 'vitest';
import { InProcessBackgroundTasks } from '../../src/background/in-process-background-tasks.js';

describe('InProcessBackgroundTasks', () => {
  it('runs a task only after the caller has returned, and drain waits for it', async () => {
    const tasks = new InProcessBackgroundTasks({ onError: () => {} });
    const done: string[] = [];
    tasks.enqueue('mail', async () => {
      done.push('mail');
    });
    expect(done).toEqual([]);
    await tasks.drain();
    expect(done).toEqual(['mail']);
  });

  it('reports a failure to onError, never to the caller, and keeps running other tasks', async () => {
    const errors: [string, unknown][] = [];
    const tasks = new InProcessBackgroundTasks({ onError: (task, error) => errors.push([task, error]) });
    const done: string[] = [];
    tasks.enqueue('broken', async () => {
      throw new Error('SMTP is down');
    });
    tasks.enqueue('sync-throw', () => {
      throw new Error('not even a promise');
    });
    tasks.enqueue('fine', async () => {
      done.push('fine');
    });
    await tasks.drain();
    expect(errors).toEqual([
      ['broken', new Error('SMTP is down')],
      ['sync-throw', new Error('not even a promise')],
    ]);
    expect(done).toEqual(['fine']);
  });

  it('drain also waits for tasks queued while draining', async () => {
    const tasks = new InProcessBackgroundTasks({ onError: () => {} });
    const done: string[] = [];
    tasks.enqueue('first', async () => {
      await new Promise((wait) => setTimeout(wait, 20));
      tasks.enqueue('second', async () => {
        await new Promise((wait) => setTimeout(wait, 20));
        done.push('second');
      });
      done.push('first');
    });
    await tasks.drain();
    expect(done).toEqual(['first', 'second']);
  });

  it('survives an onError that throws', async () => {
    const tasks = new InProcessBackgroundTasks({
      onError: () => {
        throw new Error('logger broke');
      },
    });
    tasks.enqueue('broken', async () => {
      throw new Error('x');
    });
    await expect(tasks.drain()).resolves.toBeUndefined();
  });
});
