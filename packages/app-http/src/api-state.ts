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
  /** The exact bytes received, for webhook signature checks. */
  rawBody?: Buffer;
}
