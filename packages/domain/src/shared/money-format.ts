/** Currencies the shop charges in (SPEC §1: `currency: "usd"`), with how people read them. */
const FORMATS = {
  usd: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
} as const;

export type FormattedCurrency = keyof typeof FORMATS;

/**
 * Integer cents as people read them: 123456 → "$1,234.56", -5 → "-$0.05". The one money
 * formatter of documents and emails. Intl is given the exact decimal as a string, so no
 * float division can round a cent away, however large the amount.
 */
export function formatMoney(amount: number, currency: FormattedCurrency = 'usd'): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`formatMoney expects integer cents, got ${String(amount)}`);
  const digits = String(Math.abs(amount)).padStart(3, '0');
  const decimal = `${amount < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  // format() takes decimal strings exactly (Intl.NumberFormat v3); the type still says number.
  return FORMATS[currency].format(decimal as unknown as number);
}
