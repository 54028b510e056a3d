/**
 * How long, in all, a statement or transaction waits for another process (the CLI, a
 * worker) to release the SQLite write lock before it gives up with DatabaseBusyError.
 */
export const SQLITE_BUSY_WAIT_MS = 2_000;

/** The longest single pause between two attempts. */
const MAX_PAUSE_MS = 100;

/**
 * SQLite stayed locked by another connection for SQLITE_BUSY_WAIT_MS: nothing was written.
 * The API answers it as 503 `database_busy` with Retry-After. Its code is not SQLITE_BUSY,
 * so no caller waits a second time.
 */
export class DatabaseBusyError extends Error {
  readonly code = 'database_busy';

  constructor(cause: unknown) {
    super('the database is busy (locked by another process); try again shortly', { cause });
    this.name = 'DatabaseBusyError';
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, …). */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, pausing with setTimeout in between
 * (the event loop keeps serving, and `attempt` must not hold the connection while paused),
 * for at most SQLITE_BUSY_WAIT_MS; then throws DatabaseBusyError. `retryable` says whether
 * a busy failure left nothing done, so that running it again is safe.
 */
export async function waitWhileBusy<T>(attempt: () => Promise<T>, retryable: (error: unknown) => boolean): Promise<T> {
  const deadline = Date.now() + SQLITE_BUSY_WAIT_MS;
  for (let round = 0; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || !retryable(error)) throw error;
      // Doubling pauses with jitter, so two waiting processes do not retry in step.
      const pause = Math.min(MAX_PAUSE_MS, 2 ** round * 5) * (0.5 + Math.random() / 2);
      if (Date.now() + pause > deadline) throw new DatabaseBusyError(error);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
