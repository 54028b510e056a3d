import { describe, expect, it } from 'vitest';
import { DomainError } from '@giggatek/domain';
import { AUTHENTICATE, PAY, paymentsHarness, type PaymentsHarness } from './harness.js';

/** An active rental whose installment 1 waits for 3-D Secure: a pending ledger row and its intent. */
async function awaitingAuthentication(h: PaymentsHarness, totalMonths = 3) {
  const { actor, rental } = await h.activeRental(totalMonths);
  const refused = await h.renting.makePayment(actor, rental.id, { paymentMethodId: AUTHENTICATE }).catch((e) => e);
  expect(refused).toBeInstanceOf(DomainError);
  expect((refused as DomainError).code).toBe('payment_requires_action');
  const [pending] = (await h.rentalDetail(rental.id)).payments;
  if (!pending?.gatewayRef) throw new Error('no pending row with its intent');
  expect(pending.status).toBe('pending');
  return { actor, rental, pending, intentId: pending.gatewayRef };
}

describe('PaymentsService.applyEvent for rentals', () => {
  it('turns a pending installment succeeded and moves the rental on, once', async () => {
    const h = paymentsHarness();
    const { rental, intentId } = await awaitingAuthentication(h);
    // The customer finishes 3-D Secure in the browser; the gateway reports the success.
    await h.gateway.confirmIntent(intentId, PAY, 'browser-3ds');
    const event = await h.eventOf(intentId, 'payment_intent.succeeded');
    expect(await h.service.applyEvent(event)).toBe('applied');
    const after = await h.rentalDetail(rental.id);
    expect(after.payments.map((p) => [p.installmentNo, p.status])).toEqual([[1, 'succeeded']]);
    expect(after.installmentsPaid).toBe(1);
    expect(after.nextDueDate?.toString()).toBe('2026-04-01');

    expect(await h.service.applyEvent(event)).toBe('duplicate');
    expect(await h.rentalDetail(rental.id)).toEqual(after);
    await h.expectBalancesFromLedger({ rentalIds: [rental.id] });
  });

  it('completes the rental when the last installment’s pending payment succeeds', async () => {
    const h = paymentsHarness();
    const { actor, rental } = await h.activeRental(3);
    await h.renting.makePayment(actor, rental.id, { paymentMethodId: PAY });
    await h.renting.makePayment(actor, rental.id, { paymentMethodId: PAY });
    await h.renting.makePayment(actor, rental.id, { paymentMethodId: AUTHENTICATE }).catch(() => undefined);
    const last = (await h.rentalDetail(rental.id)).payments.at(-1);
    if (!last?.gatewayRef) throw new Error('no pending row');
    expect(last).toMatchObject({ installmentNo: 3, status: 'pending' });
    await h.gateway.confirmIntent(last.gatewayRef, PAY, 'browser-3ds');
    await h.service.applyEvent(await h.eventOf(last.gatewayRef, 'payment_intent.succeeded'));
    const after = await h.rentalDetail(rental.id);
    expect(after).toMatchObject({ status: 'completed', installmentsPaid: 3, nextDueDate: null });
    expect(after.ownershipTransferredAt).not.toBeNull();
    await h.expectBalancesFromLedger({ rentalIds: [rental.id] });
  });

  it('completes a rental whose pending buyout succeeds', async () => {
    const h = paymentsHarness();
    const { actor, rental } = await h.activeRental(3);
    const quote = await h.renting.buyoutAmount(actor, rental.id);
    await h.renting
      .processBuyout(actor, rental.id, { paymentMethodId: AUTHENTICATE, amount: quote.amount })
      .catch(() => undefined);
    const buyout = (await h.rentalDetail(rental.id)).payments.at(-1);
    if (!buyout?.gatewayRef) throw new Error('no pending buyout');
    expect(buyout).toMatchObject({ kind: 'buyout', status: 'pending' });
    expect((await h.rentalDetail(rental.id)).status).toBe('active');
    await h.gateway.confirmIntent(buyout.gatewayRef, PAY, 'browser-3ds');
    await h.service.applyEvent(await h.eventOf(buyout.gatewayRef, 'payment_intent.succeeded'));
    expect(await h.rentalDetail(rental.id)).toMatchObject({ status: 'completed', nextDueDate: null });
    await h.expectBalancesFromLedger({ rentalIds: [rental.id] });
  });

  it('keeps a late success of an installment paid meanwhile, without counting it twice', async () => {
    const h = paymentsHarness();
    const { actor, rental, pending, intentId } = await awaitingAuthentication(h);
    // The authentication failed (the gateway's failure event), so the customer paid with another card.
    await h.service.applyEvent(await h.eventOf(intentId, 'payment_intent.payment_failed'));
    expect((await h.ledger.findById(pending.id))?.status).toBe('failed');
    await h.renting.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const paid = await h.rentalDetail(rental.id);
    expect(paid.installmentsPaid).toBe(1);

    // Then the first attempt succeeds after all: the money is recorded (a refund case), nothing moves.
    await h.gateway.confirmIntent(intentId, PAY, 'browser-3ds');
    expect(await h.service.applyEvent(await h.eventOf(intentId, 'payment_intent.succeeded'))).toBe('applied');
    const after = await h.rentalDetail(rental.id);
    expect(after.payments.map((p) => [p.installmentNo, p.status])).toEqual([
      [1, 'succeeded'],
      [1, 'succeeded'],
    ]);
    expect(after.installmentsPaid).toBe(1);
    expect(after.nextDueDate).toEqual(paid.nextDueDate);
    await h.expectBalancesFromLedger({ rentalIds: [rental.id] });
  });

  it('a failure of a pending installment changes no balance; the installment stays due', async () => {
    const h = paymentsHarness();
    const { rental, intentId } = await awaitingAuthentication(h);
    await h.service.applyEvent(await h.eventOf(intentId, 'payment_intent.payment_failed'));
    const after = await h.rentalDetail(rental.id);
    expect(after.payments.map((p) => p.status)).toEqual(['failed']);
    expect(after.installmentsPaid).toBe(0);
    expect(after.nextDueDate).toEqual(rental.nextDueDate);
  });

  it('reconciles a rental payment whose webhook never came', async () => {
    const h = paymentsHarness();
    const { actor, rental, intentId } = await awaitingAuthentication(h);
    await h.service.confirmIntent(actor, intentId, PAY);
    expect((await h.rentalDetail(rental.id)).installmentsPaid).toBe(1);
    // The confirmation recorded it already: reconciliation finds the events and changes nothing more.
    const before = await h.rentalDetail(rental.id);
    await h.service.reconcile(new Date(0));
    expect(await h.rentalDetail(rental.id)).toEqual(before);
  });
});
