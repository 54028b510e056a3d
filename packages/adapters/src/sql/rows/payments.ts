import type { DbTimestamp } from './values.js';

/** gateway_events (008): the processor's events already applied, each once. */
export interface GatewayEventRow {
  event_id: string;
  type: string;
  event_created_at: DbTimestamp;
  applied_at: DbTimestamp;
}
