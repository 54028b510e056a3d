import { DomainError } from './errors.js';

/** An amount of money in minor units (cents). Always a safe integer. */
export type Cents = number & { readonly __brand: 'Cents' };

/** Wraps a number as Cents, refusing anything that is not a safe integer. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('invalid_money', `money must be an integer number of cents, got ${String(value)}`);
  }
  return value as Cents;
}

/** Sum of amounts; refuses non-integers (a float must never reach a total). */
export function sumCents(values: readonly number[]): Cents {
  let total = 0n;
  for (const v of values) total += BigInt(cents(v));
  return fromBigInt(total);
}

export function addCents(...values: number[]): Cents {
  return sumCents(values);
}

export function subtractCents(a: number, b: number): Cents {
  return fromBigInt(BigInt(cents(a)) - BigInt(cents(b)));
}

export function multiplyCents(amount: number, quantity: number): Cents {
  if (!Number.isSafeInteger(quantity)) throw new DomainError('invalid_money', 'quantity must be an integer');
  return fromBigInt(BigInt(cents(amount)) * BigInt(quantity));
}

/**
 * numerator / denominator rounded half up (away from zero for .5), exact for any
 * safe integers because the division is done on bigints.
 */
export function roundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  const n = toBigInt(numerator);
  const d = toBigInt(denominator);
  if (d === 0n) throw new DomainError('invalid_money', 'division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return fromBigInt(negative ? -q : q);
}

/** numerator / denominator rounded up (towards +infinity), exact on bigints. */
export function ceilDiv(numerator: number | bigint, denominator: number | bigint): number {
  const n = toBigInt(numerator);
  const d = toBigInt(denominator);
  if (d === 0n) throw new DomainError('invalid_money', 'division by zero');
  const q = n / d;
  const r = n % d;
  const up = r !== 0n && r > 0n === d > 0n ? 1n : 0n;
  return fromBigInt(q + up);
}

/** amount × basisPoints / 10 000, rounded half up (tax). */
export function basisPointsHalfUp(amount: number, basisPoints: number): Cents {
  return cents(roundHalfUp(BigInt(cents(amount)) * BigInt(integer(basisPoints)), 10_000n));
}

/** amount × basisPoints / 10 000, rounded up (fees, markups). */
export function basisPointsCeil(amount: number, basisPoints: number): Cents {
  return cents(ceilDiv(BigInt(cents(amount)) * BigInt(integer(basisPoints)), 10_000n));
}

export function minCents(...values: number[]): Cents {
  return cents(Math.min(...values.map(cents)));
}

export function maxCents(...values: number[]): Cents {
  return cents(Math.max(...values.map(cents)));
}

function integer(value: number): number {
  if (!Number.isSafeInteger(value)) throw new DomainError('invalid_money', `expected an integer, got ${String(value)}`);
  return value;
}

function toBigInt(value: number | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(integer(value));
}

/** Refuses a result that a number cannot hold exactly (it would silently lose cents). */
function fromBigInt(value: bigint): Cents {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new DomainError('invalid_money', 'amount out of range');
  }
  return Number(value) as Cents;
}
