/** A recurring piece of background work (expiry of unpaid orders, outbox dispatch, …). */
export interface Job {
  /** Unique within a scheduler; used in logs and by runOnce. */
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export interface SchedulerOptions {
  /** A job's failure never stops the scheduler; it is reported here instead. */
  onError(job: string, error: unknown): void;
  /**
   * A job with a longer interval also runs this long after start, so an instance that
   * restarts more often than an hourly job's interval still runs it.
   */
  firstRunAfterMs?: number;
}

const FIRST_RUN_AFTER_MS = 5_000;

/**
 * Runs named jobs every N milliseconds inside one process. A job never overlaps itself
 * in one scheduler: a tick that finds the previous run still going is skipped. Safety
 * across several processes is not this class's concern: each job claims its rows in the
 * database (FOR UPDATE SKIP LOCKED, conditional updates), so two schedulers may race.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private started = false;

  constructor(private readonly options: SchedulerOptions) {}

  add(job: Job): this {
    if (this.jobs.has(job.name)) throw new Error(`a job named ${job.name} is already scheduled`);
    if (!Number.isInteger(job.everyMs) || job.everyMs < 1)
      throw new Error(`job ${job.name}: everyMs must be a positive integer`);
    this.jobs.set(job.name, job);
    if (this.started) this.schedule(job);
    return this;
  }

  get jobNames(): string[] {
    return [...this.jobs.keys()];
  }

  /** Starts the timers. They are unref'd: a scheduler alone never keeps the process alive. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  /**
   * Runs one job now (tests, the CLI) and waits for it. When the job is already running,
   * waits for that run instead of starting a second one. Errors are reported, not thrown.
   */
  runOnce(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    return this.running.get(name) ?? this.launch(job);
  }

  /** Stops the timers and waits for the runs in flight to finish. */
  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.all(this.running.values());
  }

  private schedule(job: Job): void {
    const tick = (): void => {
      if (!this.running.has(job.name)) void this.launch(job);
    };
    const firstRunAfterMs = this.options.firstRunAfterMs ?? FIRST_RUN_AFTER_MS;
    const timers = [setInterval(tick, job.everyMs)];
    // A job whose interval is longer than that also runs once soon after start.
    if (job.everyMs > firstRunAfterMs) timers.push(setTimeout(tick, firstRunAfterMs));
    for (const timer of timers) {
      timer.unref();
      this.timers.push(timer);
    }
  }

  private launch(job: Job): Promise<void> {
    // Started on a later tick, so the run is in `running` before it can finish (even if
    // job.run throws synchronously).
    const run = Promise.resolve()
      .then(() => job.run())
      .catch((error: unknown) => this.report(job.name, error))
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }

  private report(job: string, error: unknown): void {
    try {
      this.options.onError(job, error);
    } catch {
      // A failing error reporter must not take the scheduler down with it.
    }
  }
}
