import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, WEBHOOK_TOLERANCE_SECONDS } from '@giggatek/domain';

/**
 * Checks a `Stripe-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256>`, possibly
 * several v1 entries while a secret is rolled) over `${t}.${body}`, as Stripe signs and the
 * SDK's generateTestHeaderString signs: the offline gateway's webhooks verify like real
 * ones. Throws DomainError('invalid_signature') when missing, wrong or too old.
 */
export function verifyWebhookSignature(body: string, header: string | undefined, secret: string, now: Date): void {
  if (!header) throw invalidSignature('the Stripe-Signature header is missing');
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2);
    if (key === 't' && value && /^[0-9]+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) throw invalidSignature('the Stripe-Signature header is malformed');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest();
  if (!signatures.some((signature) => sameBytes(expected, signature))) {
    throw invalidSignature('the webhook signature does not match its body');
  }
  if (Math.floor(now.getTime() / 1000) - timestamp > WEBHOOK_TOLERANCE_SECONDS) {
    throw invalidSignature(`the webhook signature is older than ${WEBHOOK_TOLERANCE_SECONDS} seconds`);
  }
}

function sameBytes(expected: Buffer, hex: string): boolean {
  const given = Buffer.from(hex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function invalidSignature(reason: string): DomainError {
  return new DomainError('invalid_signature', reason);
}
