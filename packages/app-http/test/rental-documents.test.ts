import { describe, expect, it } from 'vitest';
import { renderRentalContract } from '../src/receipts/rental-contract.js';
import { renderRentalReceipt } from '../src/receipts/rental-receipt.js';
import { pdfText } from './support/pdf-text.js';
import { rentingHarness } from './support/renting-harness.js';

const CARD = { paymentMethodId: 'pm_test_visa' };
const ISSUED = { issuedAt: new Date('2026-01-31T15:00:00.000Z') };

/** The PDF's text on one line: a paragraph wrapped at the margin reads as it was written. */
async function textOf(pdf: Promise<Buffer>): Promise<string> {
  return (await pdfText(await pdf)).replace(/-\n/g, '-').replace(/\s+/g, ' ');
}

/** Nothing printed from a missing value, and each label of a disclosure followed by its value. */
function expectNoBlankField(text: string): void {
  expect(text).not.toMatch(/undefined|null|NaN|Invalid Date|\[object/);
  for (const label of [
    'Date of this document',
    'Status',
    'Item',
    'Condition',
    'Cash price',
    'Each payment',
    'Number of payments',
    'Total of payments',
    'Cost of rental',
    'Grace period',
    'Late fee',
    'Signed by',
    'Signed at',
    'Signed from IP address',
  ]) {
    expect(text).toMatch(new RegExp(`${label}: \\S`));
  }
}

/**
 * A $1,234.56 laptop rented for 12 months, signed on Jan 31: monthly rate
 * ceil(123 456 × 11 500 / 120 000) = 11 832; total 141 984; cost of rental 18 528; late fee
 * min(ceil(11 832 × 5%) = 592, 500) = 500; same as cash until Jan 31 + 90 days = May 1.
 */
async function signedLaptopRental() {
  const shop = rentingHarness('2026-01-31T15:00:00.000Z');
  const ada = await shop.customer('Ada', 'Lovelace', 'ada@example.com');
  const laptop = await shop.rentable('ThinkPad X1 Carbon', 123_456);
  const created = await shop.service.createRental(ada.actor, {
    productId: laptop.id,
    totalMonths: 12,
    addressId: ada.addressId,
  });
  const id = created.rental.id;
  await shop.service.signContract(ada.actor, id, { signature: 'Ada Lovelace', ip: '203.0.113.7' });
  return { shop, ada, id };
}

describe('the rental-purchase agreement (PDF)', () => {
  it('discloses a signed rental with its own figures: parties, item, schedule, costs, options, signature', async () => {
    const { shop, ada, id } = await signedLaptopRental();
    const text = await textOf(shop.service.contract(ada.actor, id).then((c) => renderRentalContract(c, ISSUED)));

    expect(text).toContain(`Rental-purchase agreement #${id}`);
    expect(text).toContain('Date of this document: 2026-01-31');
    expect(text).toContain('Status: active');
    // The parties.
    expect(text).toContain('GigGatek (the lessor, "we")');
    expect(text).toContain('100 Market Street, Austin, TX 78701');
    expect(text).toContain('Ada Lovelace (the customer, "you")');
    expect(text).toContain('ada@example.com');
    expect(text).toContain('12 Analytical Way');
    // The item and its condition.
    expect(text).toContain('Item: ThinkPad X1 Carbon');
    expect(text).toContain('Condition: Refurbished. The item is used (refurbished), not new.');
    // The money.
    expect(text).toContain('Cash price: $1,234.56');
    expect(text).toContain('Each payment: $118.32, once a month.');
    expect(text).toContain('Number of payments: 12.');
    expect(text).toContain('Total of payments: $1,419.84 (12 × $118.32)');
    expect(text).toContain('Cost of rental: $185.28');
    // Every installment, the day clamped to the month's end.
    const dates = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'];
    dates.push('2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31');
    dates.forEach((date, index) => expect(text).toContain(`${index + 1} ${date} $118.32 to pay`));
    expect(text).toContain('the last is due on 2026-12-31');
    // Ownership and the early purchase option, with worked amounts.
    expect(text).toContain('You do not own the item until you have made every payment');
    expect(text).toContain('or used the early purchase option');
    expect(text).toContain('within 90 days of the start date (until 2026-05-01)');
    expect(text).toContain('$1,234.56 × remaining payments ÷ 12');
    expect(text).toContain('never more than the remaining balance');
    expect(text).toContain('on 2026-01-31, the date of this document, the early purchase amount is $1,234.56.');
    expect(text).toContain(
      'After the first payment of $118.32, within the same-as-cash period: $1,234.56 − $118.32 = $1,116.24.',
    );
    // ceil(123 456 × 11 / 12) = 113 168.
    expect(text).toContain('(from 2026-05-02), with no late fee owed: $1,234.56 × 11 ÷ 12, rounded up = $1,131.68.');
    // Late fee, grace period, default, reinstatement, return, no refund.
    expect(text).toContain('Grace period: 7 days.');
    expect(text).toContain(
      'Late fee: $5.00 for each late payment, owed with that payment (5% of the payment, at most $5.00)',
    );
    expect(text).toContain('more than 30 days overdue, we may place this agreement in default');
    expect(text).toContain('reinstate an agreement in default by paying the arrears');
    expect(text).toContain('You may return the item at any time');
    expect(text).toContain('you then owe nothing further');
    expect(text).toContain('No refund is given for payments already made.');
    // The signature block.
    expect(text).toContain('Signed by: Ada Lovelace');
    expect(text).toContain('Signed at: 2026-01-31T15:00:00.000Z');
    expect(text).toContain('Signed from IP address: 203.0.113.7');
    expectNoBlankField(text);
  });

  it('shows the schedule of a signature today for an unsigned rental, its own stored figures, and a non-Latin name', async () => {
    const shop = rentingHarness('2026-03-01T10:00:00.000Z');
    const zoe = await shop.customer('Zoë', '王小明', 'zoe@example.com');
    const monitor = await shop.rentable('液晶 monitor 27"', 24_999, { condition: 'Good' });
    const created = await shop.service.createRental(zoe.actor, {
      productId: monitor.id,
      totalMonths: 6,
      addressId: zoe.addressId,
    });
    // A later policy never changes a contract already offered.
    const policy = await shop.settings.get('rental_policy');
    await shop.settings.set(
      'rental_policy',
      { ...policy, graceDays: 14, lateFeeBp: 400, lateFeeCap: 200, sameAsCashDays: 120, defaultAfterDays: 60 },
      shop.clock.now(),
    );
    shop.clock.set('2026-03-05T08:00:00.000Z');
    const contract = await shop.service.contract(zoe.actor, created.rental.id);
    const text = await textOf(renderRentalContract(contract, ISSUED));

    expect(text).toContain('Zoë 王小明 (the customer, "you")');
    expect(text).toContain('Item: 液晶 monitor 27"');
    expect(text).toContain('Condition: Good. The item is used (refurbished), not new.');
    expect(text).toContain('Status: pending (not signed yet)');
    // rate ceil(24 999 × 11 000 / 60 000) = 4 584; total 27 504; cost 2 505; fee ceil(229.2) = 230.
    expect(text).toContain('Cash price: $249.99');
    expect(text).toContain('Total of payments: $275.04 (6 × $45.84)');
    expect(text).toContain('Cost of rental: $25.05');
    expect(text).toContain('the dates below are those that apply if you sign today, 2026-03-05');
    const dates = ['2026-03-05', '2026-04-05', '2026-05-05', '2026-06-05', '2026-07-05', '2026-08-05'];
    dates.forEach((date, index) => expect(text).toContain(`${index + 1} ${date} $45.84 to pay`));
    expect(text).toContain('within 90 days of the start date (until 2026-06-03 if signed today)');
    expect(text).toContain('if you sign today, 2026-03-05, the early purchase amount right after signing is $249.99');
    expect(text).toContain('$249.99 − $45.84 = $204.15.');
    // ceil(24 999 × 5 / 6) = ceil(20 832.5) = 20 833.
    expect(text).toContain('$249.99 × 5 ÷ 6, rounded up = $208.33.');
    expect(text).toContain('Grace period: 7 days.');
    expect(text).toContain(
      'Late fee: $2.30 for each late payment, owed with that payment (5% of the payment, at most $5.00)',
    );
    expect(text).toContain('more than 30 days overdue');
    expect(text).toContain('Signed by: not signed yet');
    expect(text).toContain('Signed at: not signed yet');
    expect(text).toContain('Signed from IP address: not signed yet');
    expectNoBlankField(text);
  });

  it('names a drawn signature without printing its data URL, and shows paid installments and ownership once completed', async () => {
    const shop = rentingHarness('2026-01-31T15:00:00.000Z');
    const ada = await shop.customer('Ada', 'Lovelace', 'ada@example.com');
    const laptop = await shop.rentable('ThinkPad X1 Carbon', 123_456);
    const { rental } = await shop.service.createRental(ada.actor, {
      productId: laptop.id,
      totalMonths: 3,
      addressId: ada.addressId,
    });
    await shop.service.signContract(ada.actor, rental.id, {
      signature: 'data:image/png;base64,iVBORw0KGgo=',
      ip: null,
    });
    await shop.service.makePayment(ada.actor, rental.id, CARD);
    const quote = await shop.service.buyoutAmount(ada.actor, rental.id);
    await shop.service.processBuyout(ada.actor, rental.id, { ...CARD, amount: quote.amount });
    const text = await textOf(shop.service.contract(ada.actor, rental.id).then((c) => renderRentalContract(c, ISSUED)));

    expect(text).toContain('Signed by: drawn signature on file');
    expect(text).not.toContain('data:image');
    expect(text).toContain('Signed from IP address: not recorded');
    expect(text).toContain('Status: completed');
    // rate ceil(123 456 × 10 500 / 30 000) = 43 210.
    expect(text).toContain('1 2026-01-31 $432.10 paid');
    expect(text).toContain('2 2026-02-28 $432.10 settled by early purchase');
    expect(text).toContain('Ownership passed to you on 2026-01-31T15:00:00.000Z.');
    expect(text).toContain('none on 2026-01-31: every payment is made and the item is yours.');
    expectNoBlankField(text);
  });
});

describe('the rental payment receipt (PDF)', () => {
  it('shows a first payment, a late one with its fee, and the last one that transfers ownership', async () => {
    const { shop, ada, id } = await signedLaptopRental();
    const receiptText = async (paymentId: number) =>
      textOf(shop.service.paymentReceipt(ada.actor, id, paymentId).then((r) => renderRentalReceipt(r, ISSUED)));

    const first = await shop.service.makePayment(ada.actor, id, CARD);
    const firstText = await receiptText(first.payment.id);
    expect(firstText).toContain(`Payment receipt — rental #${id}`);
    expect(firstText).toContain(`Payment id: #${first.payment.id}`);
    expect(firstText).toContain('Date: 2026-01-31T15:00:00.000Z');
    expect(firstText).toContain('For: installment 1 of 12');
    expect(firstText).toContain('Item: ThinkPad X1 Carbon (Refurbished, used/refurbished)');
    expect(firstText).toContain('GigGatek (the lessor, "we")');
    expect(firstText).toContain('Ada Lovelace (the customer, "you")');
    expect(firstText).toContain('ada@example.com');
    expect(firstText).toContain('Installment 1 $118.32 Late fee $0.00 Total paid $118.32');
    expect(firstText).toContain('Paid so far: $118.32 of $1,419.84');
    expect(firstText).toContain('Remaining balance: $1,301.52.');
    expect(firstText).toContain('Payments left: 11 of 12.');
    expect(firstText).toContain('Next payment: installment 2, $118.32, due 2026-02-28.');
    expect(firstText).toContain('Early purchase amount on 2026-01-31: $1,116.24');

    // Installment 2 is due Feb 28; after 7 days of grace (Mar 7) it owes the $5.00 fee.
    shop.clock.set('2026-03-10T09:30:00.000Z');
    const late = await shop.service.makePayment(ada.actor, id, CARD);
    const lateText = await receiptText(late.payment.id);
    expect(lateText).toContain('For: installment 2 of 12');
    expect(lateText).toContain('Date: 2026-03-10T09:30:00.000Z');
    expect(lateText).toContain('Installment 2 $118.32 Late fee $5.00 Total paid $123.32');
    expect(lateText).toContain('Remaining balance: $1,183.20.');
    expect(lateText).toContain('Payments left: 10 of 12.');
    expect(lateText).toContain('Next payment: installment 3, $118.32, due 2026-03-31.');
    // Same as cash until May 1: min(ceil(123 456 × 10 / 12) = 102 880, 123 456 − 23 664 = 99 792).
    expect(lateText).toContain('Early purchase amount on 2026-03-10: $997.92');

    for (let installment = 3; installment <= 11; installment += 1) {
      await shop.service.makePayment(ada.actor, id, CARD);
    }
    shop.clock.set('2026-12-31T12:00:00.000Z');
    const last = await shop.service.makePayment(ada.actor, id, CARD);
    const lastText = await receiptText(last.payment.id);
    expect(lastText).toContain('For: installment 12 of 12');
    expect(lastText).toContain('Installment 12 $118.32 Late fee $0.00 Total paid $118.32');
    expect(lastText).toContain('Paid so far: $1,419.84 of $1,419.84');
    expect(lastText).toContain('Remaining balance: $0.00.');
    expect(lastText).toContain('Payments left: 0 of 12.');
    expect(lastText).toContain('Next payment: none.');
    expect(lastText).toContain('Ownership transferred: this payment completed the rental');
    expect(lastText).toContain('the item is yours since 2026-12-31T12:00:00.000Z');
    expect(lastText).not.toContain('Early purchase amount on');
    // An earlier receipt still shows the figures of its own day.
    expect(await receiptText(late.payment.id)).toContain('Early purchase amount on 2026-03-10: $997.92');
    for (const text of [firstText, lateText, lastText]) expect(text).not.toMatch(/undefined|null|NaN|Invalid Date/);
  });

  it('shows an early purchase as such, with the ownership it transferred', async () => {
    const { shop, ada, id } = await signedLaptopRental();
    await shop.service.makePayment(ada.actor, id, CARD);
    shop.clock.set('2026-02-10T08:00:00.000Z');
    const quote = await shop.service.buyoutAmount(ada.actor, id);
    const buyout = await shop.service.processBuyout(ada.actor, id, { ...CARD, amount: quote.amount });
    const text = await textOf(
      shop.service.paymentReceipt(ada.actor, id, buyout.payment.id).then((r) => renderRentalReceipt(r, ISSUED)),
    );

    expect(text).toContain('For: early purchase (the buyout of the item)');
    expect(text).toContain('Early purchase $1,116.24 Late fee $0.00 Total paid $1,116.24');
    expect(text).toContain('Remaining balance: $0.00.');
    expect(text).toContain('Payments left: 0 of 12.');
    expect(text).toContain('the item is yours since 2026-02-10T08:00:00.000Z');
  });
});
