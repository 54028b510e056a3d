import { STOCK_REASONS } from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';
import { pageQuery } from './common.js';

const nullableId: JsonSchema = { type: ['integer', 'null'] };

/** One row of the stock ledger (SPEC §4). */
export const stockMovement: JsonSchema = {
  type: 'object',
  required: ['id', 'product_id', 'delta', 'reason', 'order_id', 'rental_id', 'actor', 'note', 'created_at'],
  properties: {
    id: { type: 'integer' },
    product_id: { type: 'integer' },
    delta: { type: 'integer', description: 'Never 0: negative took stock, positive put it back or added it.' },
    reason: { type: 'string', enum: [...STOCK_REASONS] },
    order_id: nullableId,
    rental_id: nullableId,
    actor: { type: 'string', description: "'customer' | 'manager' | 'admin' | 'system:<job>'" },
    note: { type: ['string', 'null'] },
    created_at: { type: 'string', format: 'date-time' },
  },
};

export const stockMovementListQuery: JsonSchema = { type: 'object', properties: { ...pageQuery } };
