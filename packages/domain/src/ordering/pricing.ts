import { addCents, basisPointsHalfUp, cents, multiplyCents, sumCents, type Cents } from '../shared/money.js';
import type { OrderTotals, ShippingMethod } from './order.js';

/** SPEC §4 pricing settings (stored as a setting; these are the defaults). */
export interface PricingSettings {
  taxBp: number;
  shippingRates: Record<ShippingMethod, Cents>;
  /** Standard shipping is free at or above this subtotal. */
  freeStandardShippingFrom: Cents;
}

export const DEFAULT_PRICING: PricingSettings = {
  taxBp: 825,
  shippingRates: { standard: cents(999), expedited: cents(1999), overnight: cents(3999) },
  freeStandardShippingFrom: cents(50_000),
};

export interface PricedLine {
  productId: number;
  productName: string;
  quantity: number;
  unitPrice: Cents;
  lineTotal: Cents;
}

export function shippingFor(method: ShippingMethod, subtotal: Cents, settings: PricingSettings): Cents {
  if (method === 'standard' && subtotal >= settings.freeStandardShippingFrom) return cents(0);
  return settings.shippingRates[method];
}

/**
 * Prices an order exactly as SPEC §4: line_total = unit_price × quantity, subtotal = Σ,
 * shipping per method, tax = round_half_up(subtotal × bp / 10000), total = sum.
 */
export function priceOrder(
  lines: readonly { productId: number; productName: string; unitPrice: number; quantity: number }[],
  method: ShippingMethod,
  settings: PricingSettings,
): { lines: PricedLine[] } & OrderTotals {
  const priced = lines.map((line) => ({
    productId: line.productId,
    productName: line.productName,
    quantity: line.quantity,
    unitPrice: cents(line.unitPrice),
    lineTotal: multiplyCents(line.unitPrice, line.quantity),
  }));
  const subtotal = sumCents(priced.map((line) => line.lineTotal));
  const shipping = shippingFor(method, subtotal, settings);
  const tax = basisPointsHalfUp(subtotal, settings.taxBp);
  return { lines: priced, subtotal, shipping, tax, total: addCents(subtotal, shipping, tax) };
}
