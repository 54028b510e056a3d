import { Problems } from '../shared/errors.js';
import { isId, type Id } from '../shared/ids.js';
import { pageProblems } from '../shared/page.js';
import { optionalText } from '../shared/text-rules.js';
import {
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  SHIPPING_METHODS,
  type OrderStatus,
  type PaymentStatus,
  type ShippingMethod,
} from './order.js';
import type { StaffChanges } from './order-changes.js';
import type { AdminOrderFilter } from './ports.js';

export const MAX_ORDER_LINES = 50;
export const MIN_LINE_QUANTITY = 1;
export const MAX_LINE_QUANTITY = 99;
export const ORDER_NOTES_MAX_LENGTH = 1000;
export const TRACKING_NUMBER_MAX_LENGTH = 100;
export const STAFF_NOTE_MAX_LENGTH = 1000;

/** A place-order request whose shape and limits were checked (products and addresses not yet). */
export interface ValidOrderRequest {
  items: { productId: Id; quantity: number }[];
  shippingAddressId: Id;
  billingAddressId: Id;
  shippingMethod: ShippingMethod;
  notes: string | null;
}

/**
 * SPEC §4 request rules, with API field names. The HTTP layer checks JSON types too, but
 * the domain is also called by embedding code, so nothing here trusts the types.
 */
export function validateOrderRequest(input: {
  items?: unknown;
  shippingAddressId?: unknown;
  billingAddressId?: unknown;
  shippingMethod?: unknown;
  notes?: unknown;
}): ValidOrderRequest {
  const problems = new Problems();
  const items = validateItems(input.items, problems);
  if (!isId(input.shippingAddressId)) problems.add('shippingAddressId', 'must be a positive integer id');
  const billing = input.billingAddressId ?? input.shippingAddressId;
  if (input.billingAddressId !== undefined && input.billingAddressId !== null && !isId(input.billingAddressId)) {
    problems.add('billingAddressId', 'must be a positive integer id');
  }
  if (!SHIPPING_METHODS.includes(input.shippingMethod as ShippingMethod)) {
    problems.add('shippingMethod', `must be one of: ${SHIPPING_METHODS.join(', ')}`);
  }
  const notes = optionalText(input.notes, 'notes', ORDER_NOTES_MAX_LENGTH, problems, 'multiline');
  problems.throwIfAny();
  return {
    items,
    shippingAddressId: input.shippingAddressId as Id,
    billingAddressId: billing as Id,
    shippingMethod: input.shippingMethod as ShippingMethod,
    notes,
  };
}

function validateItems(value: unknown, problems: Problems): { productId: Id; quantity: number }[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('items', 'must list at least one product');
    return [];
  }
  if (value.length > MAX_ORDER_LINES) {
    problems.add('items', `may have at most ${MAX_ORDER_LINES} lines`);
    return [];
  }
  const seen = new Set<Id>();
  const items: { productId: Id; quantity: number }[] = [];
  value.forEach((raw: unknown, index) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as { productId?: unknown; quantity?: unknown };
    const field = `items[${index}]`;
    const { productId, quantity } = item;
    if (!isId(productId)) {
      problems.add(`${field}.productId`, 'must be a positive integer id');
    } else if (seen.has(productId)) {
      problems.add(
        `${field}.productId`,
        `product ${productId} appears more than once; order it once with a larger quantity`,
      );
    } else {
      seen.add(productId);
    }
    const quantityOk =
      typeof quantity === 'number' &&
      Number.isInteger(quantity) &&
      quantity >= MIN_LINE_QUANTITY &&
      quantity <= MAX_LINE_QUANTITY;
    if (!quantityOk) {
      problems.add(`${field}.quantity`, `must be a whole number from ${MIN_LINE_QUANTITY} to ${MAX_LINE_QUANTITY}`);
    }
    if (isId(productId) && quantityOk) items.push({ productId, quantity });
  });
  return items;
}

/** A staff update's values checked and trimmed (empty texts mean none). */
export function validateStaffUpdate(input: {
  status?: unknown;
  paymentStatus?: unknown;
  trackingNumber?: unknown;
  note?: unknown;
}): StaffChanges {
  const problems = new Problems();
  if (input.status !== undefined && !(ORDER_STATUSES as readonly unknown[]).includes(input.status)) {
    problems.add('status', `must be one of: ${ORDER_STATUSES.join(', ')}`);
  }
  if (input.paymentStatus !== undefined && !(PAYMENT_STATUSES as readonly unknown[]).includes(input.paymentStatus)) {
    problems.add('paymentStatus', `must be one of: ${PAYMENT_STATUSES.join(', ')}`);
  }
  const trackingNumber =
    input.trackingNumber === undefined
      ? undefined
      : optionalText(input.trackingNumber, 'trackingNumber', TRACKING_NUMBER_MAX_LENGTH, problems);
  const note = optionalText(input.note, 'note', STAFF_NOTE_MAX_LENGTH, problems, 'multiline');
  problems.throwIfAny();
  return {
    ...(input.status !== undefined ? { status: input.status as OrderStatus } : {}),
    ...(input.paymentStatus !== undefined ? { paymentStatus: input.paymentStatus as PaymentStatus } : {}),
    ...(trackingNumber !== undefined ? { trackingNumber } : {}),
    note,
  };
}

/** Paging and filters of the order lists (the customer's own list uses page and status only). */
export function validateOrderFilter(filter: AdminOrderFilter): void {
  const problems = new Problems();
  pageProblems(filter, problems);
  if (filter.status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(filter.status)) {
    problems.add('status', `must be one of: ${ORDER_STATUSES.join(', ')}`);
  }
  if (filter.paymentStatus !== undefined && !(PAYMENT_STATUSES as readonly string[]).includes(filter.paymentStatus)) {
    problems.add('paymentStatus', `must be one of: ${PAYMENT_STATUSES.join(', ')}`);
  }
  const validDate = (value: Date | undefined): boolean =>
    value === undefined || (value instanceof Date && !Number.isNaN(value.getTime()));
  if (!validDate(filter.createdFrom)) problems.add('createdFrom', 'must be a date');
  if (!validDate(filter.createdTo)) problems.add('createdTo', 'must be a date');
  if (filter.createdFrom && filter.createdTo && filter.createdFrom.getTime() > filter.createdTo.getTime()) {
    problems.add('createdFrom', 'must not be after the end of the range');
  }
  problems.throwIfAny();
}
