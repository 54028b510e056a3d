import type { Knex } from 'knex';
import * as foundation from './001-foundation.js';
import * as orders from './002-orders.js';
import * as orderIdempotencyKey from './003-order-idempotency-key.js';
import * as housekeepingIndexes from './004-housekeeping-indexes.js';
import * as dropOrderIdempotencyKey from './005-drop-order-idempotency-key.js';
import * as stockMovements from './006-stock-movements.js';
import * as rentals from './007-rentals.js';
import * as gatewayEvents from './008-gateway-events.js';

export interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/**
 * Every migration, in order, imported statically so they run the same from src
 * (vitest) and from dist (node) without globbing files. Append new ones at the end;
 * never rename one that has run.
 */
export const MIGRATIONS: ReadonlyArray<{ name: string; module: MigrationModule }> = [
  { name: '001-foundation', module: foundation },
  { name: '002-orders', module: orders },
  { name: '003-order-idempotency-key', module: orderIdempotencyKey },
  { name: '004-housekeeping-indexes', module: housekeepingIndexes },
  { name: '005-drop-order-idempotency-key', module: dropOrderIdempotencyKey },
  { name: '006-stock-movements', module: stockMovements },
  { name: '007-rentals', module: rentals },
  { name: '008-gateway-events', module: gatewayEvents },
];
