import { AsyncLocalStorage } from 'node:async_hooks';
import { RecordedRefusal, type UnitOfWork } from '@giggatek/domain';
import { IdSequence } from './memory-store.js';

/** The run in progress in this async context, and its after-commit hooks. */
interface Run {
  afterCommit: Array<() => Promise<void>>;
}

/**
 * The memory adapters' unit of work, for the same contract as SQL's: runs one at a time
 * (a queue, like SQLite's single connection), and a run that throws restores what the
 * memory repositories held when it began. A run inside a run joins it. Writes made outside
 * any run while one is in progress would be undone by its restore too: the memory adapters
 * are for tests and embedding, where that does not happen.
 */
export class MemoryUnitOfWork implements UnitOfWork {
  private readonly current = new AsyncLocalStorage<Run>();
  private queue: Promise<unknown> = Promise.resolve();

  /** `parts`: the memory repositories (and stores) whose state one run covers. */
  constructor(private readonly parts: readonly object[]) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const turn = this.queue.then(() => this.runAlone(work));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  afterCommit(hook: () => Promise<void>): void {
    const run = this.current.getStore();
    if (run) run.afterCommit.push(hook);
    else void hook().catch(() => undefined);
  }

  private async runAlone<T>(work: () => Promise<T>): Promise<T> {
    const restore = this.parts.map(snapshotOf);
    const run: Run = { afterCommit: [] };
    let result: T;
    try {
      result = await this.current.run(run, work);
    } catch (error) {
      // A RecordedRefusal keeps what was written before it (a failed ledger row), as SQL commits it.
      if (!(error instanceof RecordedRefusal)) {
        for (const undo of restore) undo();
        throw error;
      }
      for (const hook of run.afterCommit) await hook().catch(() => undefined);
      throw error;
    }
    for (const hook of run.afterCommit) await hook().catch(() => undefined);
    return result;
  }
}

/**
 * Saves the state of one memory repository (its Maps, Sets, arrays and id sequences, each
 * deep-copied) and returns what puts it back in place. Functions (reference checks) and
 * references to other repositories are left alone: they are not state.
 */
function snapshotOf(part: object): () => void {
  const undo: Array<() => void> = [];
  for (const value of Object.values(part) as unknown[]) {
    if (value instanceof Map) {
      const saved = structuredClone([...value.entries()]);
      undo.push(() => {
        value.clear();
        for (const [k, v] of saved) value.set(k, v);
      });
    } else if (value instanceof Set) {
      const saved = structuredClone([...value]);
      undo.push(() => {
        value.clear();
        for (const v of saved) value.add(v);
      });
    } else if (Array.isArray(value) && !value.some((v) => typeof v === 'function')) {
      const list: unknown[] = value;
      const saved = structuredClone(list);
      undo.push(() => list.splice(0, list.length, ...saved));
    } else if (value instanceof IdSequence) {
      const saved = { ...value };
      undo.push(() => Object.assign(value, saved));
    }
  }
  return () => {
    for (const step of undo) step();
  };
}
