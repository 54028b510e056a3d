import { describeOrderListContract } from './order-list.contract.js';
import type { MakeOrderFixture } from './order-fixtures.js';
import { describeOrderPlacementContract } from './order-placement.contract.js';
import { describeOrderStatusContract } from './order-status.contract.js';

/** The whole OrderRepository contract: placement, idempotency keys, lists, status changes and expiry. */
export function describeOrderRepositoryContract(name: string, makeFixture: MakeOrderFixture): void {
  describeOrderPlacementContract(name, makeFixture);
  describeOrderListContract(name, makeFixture);
  describeOrderStatusContract(name, makeFixture);
}
