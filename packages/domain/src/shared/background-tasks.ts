/**
 * Work a use case hands off so that its answer does not wait for it (or reveal by its
 * timing what the work found). Tasks run after the caller returns; a failure is the
 * adapter's to report and never reaches the caller.
 */
export interface BackgroundTasks {
  /** `name` says what the task is for, in logs. */
  enqueue(name: string, task: () => Promise<void>): void;
}
