// The worked examples of docs/rent-to-own.md, every figure computed by the domain's functions
// (quotes, schedule, late fee, buyout, account), so the document cannot drift from the code.
import {
  basisPointsCeil,
  cents,
  DEFAULT_RENTAL_POLICY,
  defaultableFrom,
  formatMoney,
  graceEnds,
  LocalDate,
  maxTotalOfPayments,
  rentalAccount,
  rentalQuotes,
  scheduleDates,
  type RentalAccount,
  type BuyoutQuote,
} from '@giggatek/domain';
import { paidOnTime, signedRental, type SignedRental } from './example-rental.js';
import { code, table } from './markdown.js';

const policy = DEFAULT_RENTAL_POLICY;
const PRICE = cents(39_999);
const MONTHS = 12;
const SIGNED = LocalDate.parse('2025-03-01');

const money = (amount: number): string => formatMoney(amount);
const figure = (amount: number): string => `${code(String(amount))} (${money(amount)})`;

/** The account, and the buyout it offers, of `rental` on `day`. */
function accountOn(
  rental: SignedRental,
  paid: number,
  day: LocalDate,
): { account: RentalAccount; buyout: BuyoutQuote } {
  const account = rentalAccount(rental, paidOnTime(rental, paid), day);
  if (!account.buyout) throw new Error('an active rental offers a buyout');
  return { account, buyout: account.buyout };
}

function quotes(): string {
  const rows = rentalQuotes({ price: PRICE, rentable: true, rentalRates: {} }, policy).map((q) => [
    `${q.termMonths} months`,
    `${policy.markupBp[q.termMonths] ?? 0} bp`,
    money(q.monthlyRate),
    money(q.totalAmount),
    money(q.totalAmount - PRICE),
  ]);
  const rental = signedRental(PRICE, MONTHS, policy, SIGNED);
  const markup = policy.markupBp[MONTHS] ?? 0;
  const numerator = PRICE * (10_000 + markup);
  const cap = maxTotalOfPayments(PRICE, policy);
  return [
    `### Quotes for a ${money(PRICE)} product`,
    `Cash price P = ${figure(PRICE)}, the default policy:`,
    table(['Term', 'Markup', 'Monthly rate', 'Total of payments', 'Cost of rental'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
    ]),
    `The ${MONTHS}-month rental:`,
    [
      `- monthly rate: ${code(`ceil(${PRICE} × (10000 + ${markup}) / (10000 × ${MONTHS}))`)} = ${code(`ceil(${numerator} / ${10_000 * MONTHS})`)} = ${figure(rental.monthlyRate)}`,
      `- total of payments: ${code(`${rental.monthlyRate} × ${MONTHS}`)} = ${figure(rental.totalAmount)}`,
      `- cost of rental (total of payments − cash price): ${code(`${rental.totalAmount} − ${PRICE}`)} = ${figure(rental.totalAmount - PRICE)}`,
      `- the cap: ${code(`floor(${PRICE} × ${policy.maxTotalBp} / 10000)`)} = ${figure(cap)}, so this term is offered`,
      `- the late fee of one installment: ${figure(rental.lateFee)} (see below)`,
    ].join('\n'),
  ].join('\n\n');
}

function januaryThirtyFirst(): string {
  const common = LocalDate.parse('2025-01-31');
  const leap = LocalDate.parse('2028-01-31');
  const rental = signedRental(PRICE, MONTHS, policy, common);
  const inCommon = scheduleDates(common, MONTHS);
  const inLeap = scheduleDates(leap, MONTHS);
  const rows = inCommon.map((due, index) => [
    String(index + 1),
    due.toString(),
    inLeap[index]?.toString() ?? '',
    money(rental.monthlyRate),
  ]);
  return [
    '### A schedule that starts on January 31',
    `The same rental signed on ${common.toString()}, and on ${leap.toString()} (a leap year). Each date is counted from the signing date and clamped to the month's end, so February does not pull the later months to the 28th:`,
    table(['Installment', `Due (signed ${common.toString()})`, `Due (signed ${leap.toString()})`, 'Amount'], rows, [
      'right',
      'left',
      'left',
      'right',
    ]),
  ].join('\n\n');
}

function buyoutEarly(): string {
  const rental = signedRental(PRICE, MONTHS, policy, SIGNED);
  const day = SIGNED.addDays(30);
  const { account, buyout } = accountOn(rental, 1, day);
  const leftOfPrice = Math.max(0, PRICE - account.paidTotal);
  const remaining = MONTHS - account.paymentsMade;
  return [
    '### Buyout on day 30, after one payment',
    `Signed on ${SIGNED.toString()}; installment 1 (${money(rental.monthlyRate)}) was paid that day; the customer buys the item out on ${day.toString()}, ${buyout.sameAsCash ? 'within' : 'after'} the same-as-cash period (until ${buyout.sameAsCashUntil.toString()}, inclusive):`,
    [
      `- k = ${account.paymentsMade}, paid_total = ${figure(account.paidTotal)}, remaining_balance = ${figure(account.remainingBalance)}`,
      `- pro_rata: ${code(`ceil(${PRICE} × ${remaining} / ${MONTHS})`)} = ${figure(buyout.proRata)}`,
      `- base: ${code(`min(${buyout.proRata}, max(0, ${PRICE} − ${account.paidTotal}))`)} = ${code(`min(${buyout.proRata}, ${leftOfPrice})`)} = ${figure(buyout.base)}`,
      `- buyout amount: ${code(`min(${buyout.base}, ${account.remainingBalance}) + ${buyout.lateFees}`)} (late fees) = ${figure(buyout.amount)}`,
      `- paid in all to own it: ${code(`${account.paidTotal} + ${buyout.amount}`)} = ${figure(account.paidTotal + buyout.amount)}${account.paidTotal + buyout.amount === PRICE ? ', the cash price' : ''}`,
    ].join('\n'),
  ].join('\n\n');
}

function buyoutLater(): string {
  const rental = signedRental(PRICE, MONTHS, policy, SIGNED);
  const day = SIGNED.addDays(120);
  const { account, buyout } = accountOn(rental, 4, day);
  const remaining = MONTHS - account.paymentsMade;
  const inAll = account.paidTotal + buyout.amount;
  return [
    '### Buyout on day 120, after four payments',
    `The same rental; installments 1 to ${account.paymentsMade} were paid on their due dates, and the next is due ${account.nextPaymentDate?.toString() ?? '(none)'}. On ${day.toString()} the same-as-cash period (until ${buyout.sameAsCashUntil.toString()}) is over, so the base is pro-rata:`,
    [
      `- k = ${account.paymentsMade}, paid_total = ${figure(account.paidTotal)}, remaining_balance = ${figure(account.remainingBalance)}`,
      `- pro_rata = base: ${code(`ceil(${PRICE} × ${remaining} / ${MONTHS})`)} = ${figure(buyout.base)}`,
      `- buyout amount: ${code(`min(${buyout.base}, ${account.remainingBalance}) + ${buyout.lateFees}`)} = ${figure(buyout.amount)}`,
      `- paid in all to own it: ${code(`${account.paidTotal} + ${buyout.amount}`)} = ${figure(inAll)}, against ${money(rental.totalAmount)} by paying every installment (${money(rental.totalAmount - inAll)} less)`,
    ].join('\n'),
  ].join('\n\n');
}

function lateInstallment(): string {
  const rental = signedRental(PRICE, MONTHS, policy, SIGNED);
  const onTime = accountOn(rental, 1, SIGNED).account;
  const second = onTime.nextInstallment;
  if (!second) throw new Error('installment 2 is owed');
  const lastFree = graceEnds(second.dueDate, rental.graceDays);
  const late = accountOn(rental, 1, lastFree.addDays(1));
  const stillFree = accountOn(rental, 1, lastFree).account.schedule[1];
  const lateRow = late.account.schedule[1];
  const lateFee = lateRow?.lateFee ?? 0;
  const muchLaterDay = second.dueDate.addDays(90);
  const muchLater = accountOn(rental, 1, muchLaterDay).account;
  const lateThen = muchLater.schedule.filter((i) => i.status === 'late');
  const defaultable = defaultableFrom(second.dueDate, rental.defaultAfterDays);
  const inDefault = accountOn(rental, 1, defaultable).account;
  const big = signedRental(cents(150_000), MONTHS, policy, SIGNED);
  return [
    '### A late installment',
    `The same rental, installment 1 paid. Installment 2 is due ${second.dueDate.toString()}; with ${rental.graceDays} days of grace it is still ${code(stillFree?.status ?? '')}, with no fee, on ${lastFree.toString()}. From ${lastFree.addDays(1).toString()} it is ${code(lateRow?.status ?? '')} and owes one fee:`,
    [
      `- late fee: ${code(`min(ceil(${rental.monthlyRate} × ${rental.lateFeeBp} / 10000), ${rental.lateFeeCap})`)} = ${code(`min(ceil(${rental.monthlyRate * rental.lateFeeBp} / 10000), ${rental.lateFeeCap})`)} = ${figure(rental.lateFee)}`,
      `- paying installment 2 on ${lastFree.addDays(1).toString()} charges ${code(`${second.amount} + ${lateFee}`)} = ${figure(second.amount + lateFee)}`,
      `- a buyout on ${lastFree.addDays(1).toString()} adds the fee: ${code(`${late.buyout.base} + ${late.buyout.lateFees}`)} = ${figure(late.buyout.amount)}`,
      `- the fee is owed once, however late: on ${muchLaterDay.toString()} installment 2 still owes ${money(muchLater.schedule[1]?.lateFee ?? 0)}; installments ${lateThen.map((i) => i.installmentNo).join(', ')} are late by then, one fee each: late fees due ${figure(muchLater.lateFeesDue)}`,
      `- left unpaid, the rental can be marked defaulted from ${defaultable.toString()} (more than ${rental.defaultAfterDays} days overdue); reinstating on that day needs the arrears, installment 2 with its fee and installment 3 (due ${inDefault.schedule[2]?.dueDate.toString() ?? ''}, in its grace period): ${figure(inDefault.arrears)}`,
      `- the cap: a ${money(big.cashPrice)} product over ${MONTHS} months pays ${money(big.monthlyRate)} a month; 5% is ${code(`ceil(${big.monthlyRate * big.lateFeeBp} / 10000)`)} = ${code(String(basisPointsCeil(big.monthlyRate, big.lateFeeBp)))}, so the fee is the cap, ${figure(big.lateFee)}`,
    ].join('\n'),
  ].join('\n\n');
}

/** The `examples` region of docs/rent-to-own.md. */
export function workedExamples(): string {
  return [quotes(), januaryThirtyFirst(), buyoutEarly(), buyoutLater(), lateInstallment()].join('\n\n');
}
