import type { BackgroundTasks } from '@giggatek/domain';

export interface InProcessBackgroundTasksOptions {
  /** A task's failure is reported here and goes no further. */
  onError(task: string, error: unknown): void;
}

/**
 * Runs each task on the event loop after the caller has returned. Tasks live in this
 * process only: `drain` waits for them, so shutdown (and a test) can let them finish.
 */
export class InProcessBackgroundTasks implements BackgroundTasks {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: InProcessBackgroundTasksOptions) {}

  enqueue(name: string, task: () => Promise<void>): void {
    const run = new Promise<void>((started) => setImmediate(started))
      .then(task)
      .catch((error: unknown) => this.report(name, error))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  /** Resolves once every queued task has finished, including tasks queued meanwhile. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private report(name: string, error: unknown): void {
    try {
      this.options.onError(name, error);
    } catch {
      // A broken error reporter must not turn into an unhandled rejection.
    }
  }
}
