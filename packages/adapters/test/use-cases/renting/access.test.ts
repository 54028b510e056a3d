import { describe, expect, it } from 'vitest';
import type { Actor, Id, RentingUseCases } from '@giggatek/domain';
import { rejectionOf } from '../ordering/harness.js';
import { PAY, PRICE, rentingHarness } from './harness.js';

/** Every use case that names a rental, as a stranger would call it. */
function everyUseCase(service: RentingUseCases, actor: Actor, id: Id, paymentId: Id) {
  return {
    getRental: () => service.getRental(actor, id),
    signContract: () => service.signContract(actor, id, { signature: 'Mallory', ip: null }),
    makePayment: () => service.makePayment(actor, id, { paymentMethodId: PAY }),
    buyoutAmount: () => service.buyoutAmount(actor, id),
    processBuyout: () => service.processBuyout(actor, id, { paymentMethodId: PAY, amount: PRICE }),
    cancelRental: () => service.cancelRental(actor, id),
    returnRental: () => service.returnRental(actor, id),
    contract: () => service.contract(actor, id),
    paymentReceipt: () => service.paymentReceipt(actor, id, paymentId),
  };
}

describe("another customer's rental", () => {
  it.each(['pending', 'active'] as const)(
    'is not_found for every use case (%s), and nothing changes',
    async (state) => {
      const h = rentingHarness();
      const owner = state === 'pending' ? await h.pendingRental() : await h.activeRental();
      const paid =
        state === 'active' ? await h.service.makePayment(owner.actor, owner.rental.id, { paymentMethodId: PAY }) : null;
      const before = await h.rentals.findDetail(owner.rental.id);
      const charges = h.gateway.charges.length;
      const { actor: stranger } = await h.person();

      for (const [name, call] of Object.entries(
        everyUseCase(h.service, stranger, owner.rental.id, paid?.payment.id ?? 1),
      )) {
        const error = await rejectionOf(call());
        expect(error, name).toMatchObject({ code: 'not_found', message: 'rental not found' });
      }
      expect(await h.rentals.findDetail(owner.rental.id)).toEqual(before);
      expect(h.gateway.charges).toHaveLength(charges);
      expect((await h.service.listRentals(stranger, { page: 1, perPage: 10 })).items).toEqual([]);
    },
  );

  it('is visible to staff, who still cannot sign, pay or buy out for the customer', async () => {
    const h = rentingHarness();
    const owner = await h.activeRental();
    const { actor: manager } = await h.person('manager');
    expect((await h.service.getRental(manager, owner.rental.id)).rental.id).toBe(owner.rental.id);
    for (const call of [
      () => h.service.makePayment(manager, owner.rental.id, { paymentMethodId: PAY }),
      () => h.service.buyoutAmount(manager, owner.rental.id),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({ code: 'not_found' });
    }
    expect((await h.service.listAllRentals(manager, { page: 1, perPage: 10 })).items).toHaveLength(1);
  });

  it('an unknown rental is not_found too', async () => {
    const h = rentingHarness();
    const { actor } = await h.person();
    for (const call of Object.values(everyUseCase(h.service, actor, 404, 1))) {
      expect(await rejectionOf(call())).toMatchObject({ code: 'not_found' });
    }
  });
});
