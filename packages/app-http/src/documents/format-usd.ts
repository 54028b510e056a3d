/**
 * Integer cents as US dollars: 123456 → "$1,234.56", -5 → "-$0.05". Integer and string
 * arithmetic only, so no float division can round a cent away.
 */
export function formatUsd(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`formatUsd expects integer cents, got ${String(amount)}`);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(3, '0');
  const dollars = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${dollars}.${digits.slice(-2)}`;
}
