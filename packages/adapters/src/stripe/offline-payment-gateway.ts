import { createHash } from 'node:crypto';
import type { ChargeOutcome, OffSessionCharge, PaymentGateway } from '@giggatek/domain';

/**
 * The embedded default gateway (no STRIPE_SECRET_KEY): no money moves. Test payment
 * method ids decide the outcome as Stripe's test cards do: `pm_test_*` succeeds,
 * `pm_fail_*` is declined, `pm_3ds_*` requires authentication; any other id is declined.
 * Like Stripe, the same idempotency key answers the same outcome again (and a reused key
 * with another amount or method is refused), so retried transactions never double-charge.
 */
export class OfflinePaymentGateway implements PaymentGateway {
  readonly name = 'offline';
  private readonly answered = new Map<string, { fingerprint: string; outcome: ChargeOutcome }>();

  async chargeOffSession(charge: OffSessionCharge): Promise<ChargeOutcome> {
    const fingerprint = `${charge.amount}:${charge.currency}:${charge.paymentMethodId}`;
    const earlier = this.answered.get(charge.idempotencyKey);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw new Error(`idempotency key ${charge.idempotencyKey} was used with other parameters`);
      }
      return earlier.outcome;
    }
    const outcome = outcomeOf(charge);
    this.answered.set(charge.idempotencyKey, { fingerprint, outcome });
    return outcome;
  }
}

function outcomeOf(charge: OffSessionCharge): ChargeOutcome {
  const ref = `pi_offline_${createHash('sha256').update(charge.idempotencyKey).digest('hex').slice(0, 24)}`;
  const method = charge.paymentMethodId;
  if (method.startsWith('pm_test_')) return { status: 'succeeded', gatewayRef: ref };
  if (method.startsWith('pm_3ds_')) {
    return { status: 'requires_action', gatewayRef: ref, clientSecret: `${ref}_secret_offline` };
  }
  const reason = method.startsWith('pm_fail_') ? 'your card was declined' : 'unknown test payment method';
  return { status: 'declined', gatewayRef: null, reason };
}
