import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCents,
  basisPointsCeil,
  basisPointsHalfUp,
  ceilDiv,
  cents,
  multiplyCents,
  roundHalfUp,
  subtractCents,
  sumCents,
} from '../../src/shared/money.js';
import { DomainError } from '../../src/shared/errors.js';

const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const nonZero = fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0);

function expectInvalidMoney(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_money');
    return;
  }
  throw new Error('expected invalid_money');
}

describe('roundHalfUp', () => {
  it('rounds halves away from zero and everything else to the nearest integer', () => {
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(-5, 2)).toBe(-3);
    expect(roundHalfUp(5, -2)).toBe(-3);
    expect(roundHalfUp(7, 3)).toBe(2);
    expect(roundHalfUp(8, 3)).toBe(3);
    expect(roundHalfUp(0, 7)).toBe(0);
  });

  it('is within half a unit of the exact quotient, and a tie goes away from zero', () => {
    fc.assert(
      fc.property(amount, nonZero, (n, d) => {
        const r = roundHalfUp(n, d);
        // |n/d − r| ≤ 1/2  ⇔  |n − r·d| ≤ |d|/2  ⇔  2|n − r·d| ≤ |d| (exact in bigints)
        const twiceError = 2n * (BigInt(n) - BigInt(r) * BigInt(d));
        const absTwiceError = twiceError < 0n ? -twiceError : twiceError;
        const absD = BigInt(Math.abs(d));
        expect(absTwiceError <= absD).toBe(true);
        if (absTwiceError === absD) expect(Math.abs(r)).toBeGreaterThan(Math.abs(n / d));
      }),
    );
  });

  it('is exact for bigint numerators and refuses results a number cannot hold exactly', () => {
    expect(roundHalfUp(2n ** 52n * 2n + 1n, 2n)).toBe(2 ** 52 + 1);
    expectInvalidMoney(() => roundHalfUp(2n ** 60n + 1n, 1n));
    expectInvalidMoney(() => ceilDiv(2n ** 60n + 1n, 1n));
  });

  it('refuses a zero denominator and non-integers', () => {
    expectInvalidMoney(() => roundHalfUp(1, 0));
    expectInvalidMoney(() => roundHalfUp(1.5, 2));
    expectInvalidMoney(() => roundHalfUp(1, 2.5));
  });
});

describe('ceilDiv', () => {
  it('rounds towards +infinity for every sign combination', () => {
    expect(ceilDiv(7, 2)).toBe(4);
    expect(ceilDiv(-7, 2)).toBe(-3);
    expect(ceilDiv(7, -2)).toBe(-3);
    expect(ceilDiv(-7, -2)).toBe(4);
    expect(ceilDiv(6, 3)).toBe(2);
  });

  it('is the smallest integer q with q·d ≥ n (for d > 0)', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        const q = BigInt(ceilDiv(n, d));
        expect(q * BigInt(d) >= BigInt(n)).toBe(true);
        expect((q - 1n) * BigInt(d) < BigInt(n)).toBe(true);
      }),
    );
  });

  it('refuses a zero denominator', () => {
    expectInvalidMoney(() => ceilDiv(5, 0));
  });
});

describe('basis points', () => {
  it('computes tax half up (SPEC §4: 825 bp)', () => {
    expect(basisPointsHalfUp(10_000, 825)).toBe(825);
    expect(basisPointsHalfUp(1_000, 825)).toBe(83); // 82.5 → 83
    expect(basisPointsHalfUp(999, 825)).toBe(82); // 82.4175 → 82
  });

  it('computes fees rounded up (SPEC §5 late fee 500 bp)', () => {
    expect(basisPointsCeil(1_001, 500)).toBe(51); // 50.05 → 51
    expect(basisPointsCeil(1_000, 500)).toBe(50);
  });

  it('never differ by more than one cent, and ceil ≥ half-up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 20_000 }), (a, bp) => {
        const up = basisPointsCeil(a, bp);
        const half = basisPointsHalfUp(a, bp);
        expect(up - half).toBeGreaterThanOrEqual(0);
        expect(up - half).toBeLessThanOrEqual(1);
        expect(Number.isSafeInteger(half)).toBe(true);
      }),
    );
  });

  it('refuses fractional amounts or basis points', () => {
    expectInvalidMoney(() => basisPointsHalfUp(10.5, 825));
    expectInvalidMoney(() => basisPointsCeil(1000, 8.25));
  });
});

describe('sums and products', () => {
  it('sumCents adds integers exactly and refuses any non-integer', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (values) => {
        expect(sumCents(values)).toBe(values.reduce((a, b) => a + b, 0));
      }),
    );
    fc.assert(
      fc.property(
        fc.array(amount, { maxLength: 10 }),
        fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x)),
        fc.nat(),
        (values, bad, at) => {
          const withBad = [...values];
          withBad.splice(at % (values.length + 1), 0, bad);
          expectInvalidMoney(() => sumCents(withBad));
        },
      ),
    );
  });

  it('refuses totals beyond the safe integer range instead of losing cents', () => {
    expectInvalidMoney(() => sumCents([Number.MAX_SAFE_INTEGER, 1]));
    expectInvalidMoney(() => multiplyCents(Number.MAX_SAFE_INTEGER, 2));
  });

  it('add, subtract and multiply agree', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 99 }), (a, b, q) => {
        expect(subtractCents(addCents(a, b), b)).toBe(a);
        expect(multiplyCents(a, q)).toBe(sumCents(Array.from({ length: q }, () => a)));
      }),
    );
  });

  it('cents() refuses NaN, infinities and fractions', () => {
    for (const bad of [Number.NaN, Infinity, 0.1, 2 ** 53]) expectInvalidMoney(() => cents(bad));
    expect(cents(-5)).toBe(-5);
  });
});
