import { buyoutQuote, cents, formatMoney, subtractCents, type LocalDate, type RentalContract } from '@giggatek/domain';

/**
 * The early purchase clause of a rental-purchase agreement (SPEC §5): the formula in plain
 * words, with the rental's own figures, and worked amounts computed by the domain's
 * buyoutQuote, so the document can never state another amount than the one charged.
 */
export function earlyPurchaseLines(contract: RentalContract): string[] {
  const { rental } = contract;
  const start = startOf(contract);
  const cashPrice = formatMoney(rental.cashPrice);
  const n = rental.totalMonths;
  return [
    'You may buy the item at any time while this agreement is active by paying the early purchase amount. ' +
      'The item is then yours and no further payment is due.',
    `• Same as cash: within ${rental.sameAsCashDays} days of the start date (until ${start.sameAsCashUntil.toString()}${start.projected ? ' if signed today' : ''}), ` +
      `the early purchase amount is what is left of the cash price: ${cashPrice} minus the payments you have made.`,
    `• After that: the cash price times the payments not yet made, divided by the ${n} payments, rounded up to the cent: ` +
      `${cashPrice} × remaining payments ÷ ${n}.`,
    '• The early purchase amount is never more than the remaining balance of your payments. ' +
      'Any late fee you owe is added to it.',
    ...workedAmounts(contract, start),
  ];
}

interface StartOfTerm {
  date: LocalDate;
  sameAsCashUntil: LocalDate;
  /** Unsigned: the figures are those of a signature on the document's day. */
  projected: boolean;
}

function startOf({ rental, asOf }: RentalContract): StartOfTerm {
  const date = rental.startDate ?? asOf;
  return { date, sameAsCashUntil: date.addDays(rental.sameAsCashDays), projected: rental.startDate === null };
}

function workedAmounts(contract: RentalContract, start: StartOfTerm): string[] {
  const { rental } = contract;
  const n = rental.totalMonths;
  const quote = (installmentsPaid: number, on: LocalDate) => {
    const paidTotal = cents(rental.monthlyRate * installmentsPaid);
    return buyoutQuote({
      terms: rental,
      startDate: start.date,
      installmentsPaid,
      paidTotal,
      remainingBalance: subtractCents(rental.totalAmount, paidTotal),
      unpaidLateFees: cents(0),
      on,
    }).amount;
  };
  const examples = [`Worked amounts: ${todayLine(contract, start, quote(0, start.date))}`];
  if (n < 2) {
    examples.push('With a single payment, the first payment is also the last: the item is then yours.');
    return examples;
  }
  const rate = formatMoney(rental.monthlyRate);
  // What is left of the cash price, never below nothing (a first payment above the cash price).
  const leftOfCash =
    rental.monthlyRate <= rental.cashPrice
      ? `${formatMoney(rental.cashPrice)} − ${rate} = `
      : 'nothing is left of the cash price, ';
  examples.push(
    `• After the first payment of ${rate}, within the same-as-cash period: ${leftOfCash}${formatMoney(quote(1, start.date))}.`,
    `• After the first payment, once the same-as-cash period has ended (from ${start.sameAsCashUntil.addDays(1).toString()}), ` +
      `with no late fee owed: ${formatMoney(rental.cashPrice)} × ${n - 1} ÷ ${n}, rounded up = ${formatMoney(quote(1, start.sameAsCashUntil.addDays(1)))}.`,
  );
  return examples;
}

/** The amount on the document's day: the account's own quote while active. */
function todayLine({ rental, account, asOf }: RentalContract, start: StartOfTerm, atSigning: number): string {
  const day = asOf.toString();
  if (account.buyout !== null) {
    const fees = account.buyout.lateFees > 0 ? `, of which ${formatMoney(account.buyout.lateFees)} is late fees` : '';
    return `on ${day}, the date of this document, the early purchase amount is ${formatMoney(account.buyout.amount)}${fees}.`;
  }
  if (start.projected && rental.status === 'pending') {
    return `if you sign today, ${day}, the early purchase amount right after signing is ${formatMoney(atSigning)}, the cash price, since nothing is paid yet.`;
  }
  if (rental.status === 'completed') return `none on ${day}: every payment is made and the item is yours.`;
  if (rental.status === 'defaulted') {
    return `none on ${day}: the agreement is in default; the option is open again once it is reinstated.`;
  }
  return `none on ${day}: the agreement has ended (${rental.status}), so nothing more is owed and the option is closed.`;
}
