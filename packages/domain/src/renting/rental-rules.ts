import { Problems } from '../shared/errors.js';
import { optionalText, requiredText } from '../shared/text-rules.js';
import { pageProblems, type PageRequest } from '../shared/page.js';
import { RENTAL_STATUSES, type RentalStatus } from './rental.js';

export const SIGNATURE_LIMITS = {
  /** A typed name. */
  typedName: 200,
  /** A drawn signature as a data: URL (PNG or JPEG, base64). */
  dataUrl: 200_000,
} as const;
export const RENTAL_NOTE_MAX = 1000;
/** `pm_…` as Stripe spells payment method ids (the offline gateway's test ids too). */
export const PAYMENT_METHOD_ID = /^pm_[A-Za-z0-9_]{1,250}$/;

const DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

/** A typed name (the text rules of names) or a drawn signature as a PNG/JPEG data: URL. */
export function validateSignature(value: unknown): string {
  const problems = new Problems();
  let signature: string | null = null;
  if (typeof value === 'string' && value.startsWith('data:')) {
    if (value.length > SIGNATURE_LIMITS.dataUrl) {
      problems.add('signature', `a drawn signature must be at most ${SIGNATURE_LIMITS.dataUrl} characters`);
    } else if (!DATA_URL.test(value)) {
      problems.add('signature', 'a drawn signature must be a data:image/png or data:image/jpeg base64 URL');
    } else signature = value;
  } else {
    signature = requiredText(value, 'signature', SIGNATURE_LIMITS.typedName, problems);
  }
  problems.throwIfAny();
  return signature as string;
}

export function validatePaymentMethodId(value: unknown): string {
  const problems = new Problems();
  if (typeof value !== 'string' || !PAYMENT_METHOD_ID.test(value)) {
    problems.add('paymentMethodId', 'must be a payment method id like pm_…');
  }
  problems.throwIfAny();
  return value as string;
}

export function validateRentalNote(value: unknown): string | null {
  const problems = new Problems();
  const note = optionalText(value, 'note', RENTAL_NOTE_MAX, problems, 'multiline');
  problems.throwIfAny();
  return note;
}

export function validateRentalFilter(filter: PageRequest & { status?: unknown }): void {
  const problems = new Problems();
  pageProblems(filter, problems);
  if (filter.status !== undefined && !RENTAL_STATUSES.includes(filter.status as RentalStatus)) {
    problems.add('status', `must be one of ${RENTAL_STATUSES.join(', ')}`);
  }
  problems.throwIfAny();
}
