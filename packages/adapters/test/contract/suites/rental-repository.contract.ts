import { describeRentalCreationContract } from './rental-creation.contract.js';
import type { MakeRentalFixture } from './rental-fixtures.js';
import { describeRentalListContract } from './rental-list.contract.js';
import { describeRentalPaymentContract } from './rental-payments.contract.js';
import { describeRentalStatusContract } from './rental-status.contract.js';

/** The whole RentalRepository contract: creation with stock, status changes, the ledger, lists. */
export function describeRentalRepositoryContract(name: string, makeFixture: MakeRentalFixture): void {
  describeRentalCreationContract(name, makeFixture);
  describeRentalStatusContract(name, makeFixture);
  describeRentalPaymentContract(name, makeFixture);
  describeRentalListContract(name, makeFixture);
}
