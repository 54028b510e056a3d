import type { ChangeActor } from '../ordering/order.js';
import type { OrderRepository } from '../ordering/ports.js';
import type { RentalRepository } from '../renting/ports.js';
import { settleRentalPayment } from '../renting/rental-settlement.js';
import { markOrderPaymentFailed, settleOrderPayment } from './order-settlement.js';
import type { PaymentLedger } from './ports.js';

export interface IntentOutcomeDeps {
  ledger: PaymentLedger;
  orders: OrderRepository;
  rentals: RentalRepository;
}

/** Who the history names for a change a gateway's answer made. */
export const GATEWAY_ACTOR: ChangeActor = { kind: 'system', name: 'payment-gateway' };

/**
 * The one path of a succeeded intent, for webhooks, reconciliation and a synchronous
 * confirmation alike; inside the caller's unit of work. The ledger row is locked first, so
 * two of them for one intent run one after the other: the second finds the row succeeded
 * and changes nothing. Pending or failed → succeeded, never back from succeeded. False
 * when no ledger row has this intent.
 */
export async function applyIntentSucceeded(deps: IntentOutcomeDeps, intentId: string, now: Date): Promise<boolean> {
  const row = await deps.ledger.lockByGatewayRef(intentId);
  if (!row) return false;
  if (row.kind === 'refund') return true;
  if (!(await deps.ledger.changeStatus(row.id, ['pending', 'failed'], 'succeeded', now))) return true;
  const succeeded = { ...row, status: 'succeeded' as const, updatedAt: now };
  if (row.kind === 'order') await settleOrderPayment(deps.orders, succeeded, GATEWAY_ACTOR, now);
  else await settleRentalPayment(deps.rentals, succeeded, GATEWAY_ACTOR, now);
  return true;
}

/**
 * A failed or canceled intent: pending → failed only (a failure never undoes a success),
 * and a pending, unpaid order's payment status becomes failed. A rental's balance does
 * not move: its installment stays due. False when no ledger row has this intent.
 */
export async function applyIntentFailed(deps: IntentOutcomeDeps, intentId: string, now: Date): Promise<boolean> {
  const row = await deps.ledger.lockByGatewayRef(intentId);
  if (!row) return false;
  const failed = await deps.ledger.changeStatus(row.id, ['pending'], 'failed', now);
  if (failed && row.kind === 'order') await markOrderPaymentFailed(deps.orders, row, GATEWAY_ACTOR, now);
  return true;
}
