/**
 * Several repository calls as one transaction, without the domain knowing SQL. Inside
 * `run`, every repository of the same store works in the one transaction: it all commits
 * when `work` resolves and all rolls back when it throws. A run inside a run joins the
 * outer one (only the outermost commits). The store may run `work` again from the start
 * (a deadlock or busy victim), so `work` must do nothing outside the store but compute.
 */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `hook` once the outermost run has committed (never for work that rolled back),
   * e.g. an email about it; outside a run, at once. A hook's failure is swallowed: the
   * work is committed by then, so hooks must be best effort.
   */
  afterCommit(hook: () => Promise<void>): void;
}
