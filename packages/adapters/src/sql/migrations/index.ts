import type { Knex } from 'knex';
import * as foundation from './001-foundation.js';
import * as orders from './002-orders.js';

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
];
