import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCents, cents, installmentDueDate, rentalAccount } from '@giggatek/domain';
import type { LocalDate, NewPaymentEntry, Rental, RentalRepository } from '@giggatek/domain';
import {
  createProduct,
  createTestUser,
  day,
  newRental,
  rentalPayment,
  sign,
  type MakeRentalFixture,
  type RentalFixture,
} from './rental-fixtures.js';

/** recordPayment: the ledger row, and the rental's counters moved with a success only. */
export function describeRentalPaymentContract(name: string, makeFixture: MakeRentalFixture): void {
  describe(`RentalRepository payment contract (${name})`, () => {
    let fixture: RentalFixture;
    let rentals: RentalRepository;
    let rental: Rental;
    const start = day('2026-01-31');
    beforeEach(async () => {
      fixture = await makeFixture();
      rentals = fixture.rentals;
      const userId = await createTestUser(fixture.users);
      const gpu = await createProduct(fixture.products, 'RTX 3080', 3, 60_000);
      rental = await rentals.createTakingStock(newRental(userId, gpu, { totalMonths: 3 }));
      await sign(rentals, rental, start);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const on = (text: string): Date => new Date(`${text}T15:30:00.125Z`);

    /** Pays installment `no` as RentingService does: a success moves the counters to the next due date. */
    const payInstallment = (no: number, when: string, fields: Partial<NewPaymentEntry> = {}) =>
      rentals.recordPayment(
        rental.id,
        rentalPayment(rental, { installmentNo: no, gatewayRef: `pi_${no}`, ...fields }),
        { installmentsPaid: no, nextDueDate: no < rental.totalMonths ? installmentDueDate(start, no + 1) : null },
        on(when),
      );

    /** The stored counters against the account derived from the stored ledger rows. */
    const expectInStep = async (when: LocalDate) => {
      const detail = await rentals.findDetail(rental.id);
      if (!detail) throw new Error('the rental is gone');
      const account = rentalAccount(detail, detail.payments, when);
      expect(detail.installmentsPaid).toBe(account.paymentsMade);
      expect(detail.nextDueDate?.toString() ?? null).toBe(account.nextPaymentDate?.toString() ?? null);
      return account;
    };

    it('writes an installment and moves the rental’s counters with it', async () => {
      const paid = await payInstallment(1, '2026-01-31');
      expect(paid).toEqual({
        id: expect.any(Number),
        userId: rental.userId,
        orderId: null,
        rentalId: rental.id,
        installmentNo: 1,
        kind: 'installment',
        amount: 21_000,
        lateFee: 0,
        currency: 'usd',
        status: 'succeeded',
        gateway: 'offline',
        gatewayRef: 'pi_1',
        createdAt: on('2026-01-31'),
        updatedAt: on('2026-01-31'),
      });
      const detail = await rentals.findDetail(rental.id);
      expect(detail?.payments).toEqual([paid]);
      expect(detail).toMatchObject({
        installmentsPaid: 1,
        nextDueDate: day('2026-02-28'),
        updatedAt: on('2026-01-31'),
      });
    });

    it('writes a declined or unfinished attempt without moving the rental', async () => {
      const before = await rentals.findDetail(rental.id);
      const failed = await rentals.recordPayment(
        rental.id,
        rentalPayment(rental, { status: 'failed', gatewayRef: null }),
        null,
        on('2026-01-31'),
      );
      const pending = await rentals.recordPayment(
        rental.id,
        rentalPayment(rental, { status: 'pending', gatewayRef: 'pi_3ds' }),
        null,
        on('2026-02-01'),
      );
      const detail = await rentals.findDetail(rental.id);
      expect(detail?.payments).toEqual([failed, pending]);
      expect(detail?.payments.map((p) => [p.status, p.gatewayRef])).toEqual([
        ['failed', null],
        ['pending', 'pi_3ds'],
      ]);
      expect(detail).toMatchObject({ installmentsPaid: 0, nextDueDate: start, updatedAt: before?.updatedAt });
    });

    it('refuses a ledger row for a rental that does not exist', async () => {
      await expect(
        rentals.recordPayment(987_654, rentalPayment({ ...rental, id: 987_654 }), null, on('2026-01-31')),
      ).rejects.toThrow(/987654/);
    });

    it('keeps the counters in step with the ledger when every installment is paid', async () => {
      await expectInStep(start);
      await payInstallment(1, '2026-01-31');
      await expectInStep(day('2026-01-31'));
      await payInstallment(2, '2026-02-28');
      await expectInStep(day('2026-02-28'));
      await payInstallment(3, '2026-03-30');
      const account = await expectInStep(day('2026-03-30'));
      expect(account).toMatchObject({ paymentsMade: 3, nextPaymentDate: null, remainingBalance: 0 });
    });

    it('keeps the counters in step through a decline, a late fee and a buyout', async () => {
      await payInstallment(1, '2026-01-31');
      // Installment 2 is due Feb 28: on Mar 10 it is past the 7 days of grace, so it owes its fee.
      const fee = rental.lateFee;
      const late = { amount: addCents(cents(rental.monthlyRate), fee), lateFee: fee };
      await rentals.recordPayment(
        rental.id,
        rentalPayment(rental, { ...late, installmentNo: 2, status: 'failed', gatewayRef: null }),
        null,
        on('2026-03-10'),
      );
      expect((await expectInStep(day('2026-03-10'))).lateFeesDue).toBe(fee);
      await payInstallment(2, '2026-03-10', late);
      expect(await expectInStep(day('2026-03-10'))).toMatchObject({
        paymentsMade: 2,
        lateFeesPaid: fee,
        lateFeesDue: 0,
      });

      const beforeBuyout = await rentals.findDetail(rental.id);
      if (!beforeBuyout) throw new Error('the rental is gone');
      const quote = rentalAccount(beforeBuyout, beforeBuyout.payments, day('2026-03-15')).buyout;
      if (!quote) throw new Error('an active rental has a buyout quote');
      await rentals.recordPayment(
        rental.id,
        rentalPayment(rental, {
          kind: 'buyout',
          installmentNo: null,
          amount: quote.amount,
          lateFee: cents(0),
        }),
        { installmentsPaid: 2, nextDueDate: null },
        on('2026-03-15'),
      );
      expect(await expectInStep(day('2026-03-15'))).toMatchObject({
        paymentsMade: 2,
        boughtOut: true,
        nextPaymentDate: null,
        remainingBalance: 0,
      });
    });
  });
}
