import type { Actor } from '@giggatek/domain';
import type { Logger } from 'pino';

/** What middleware puts on ctx.state for the handlers after it. */
export interface ApiState {
  requestId: string;
  log: Logger;
  /** Set by requireAuth. */
  actor?: Actor;
  /** The parsed JSON body (undefined when there was none). */
  body?: unknown;
  /** The exact bytes received, only on the webhook routes (their signature covers them). */
  rawBody?: Buffer;
  /**
   * Fields added to this request's error envelope, set by a route that must keep an old
   * client's contract (the seed's PHP handler answers `success: false`).
   */
  errorFields?: Record<string, unknown>;
}
