import { describe, expect, it } from 'vitest';
import {
  RENTAL_NOTE_MAX,
  SIGNATURE_LIMITS,
  validatePaymentMethodId,
  validateRentalFilter,
  validateRentalNote,
  validateSignature,
} from '../../src/renting/rental-rules.js';
import { ValidationError } from '../../src/shared/errors.js';

/** The field names a validation refused, or [] when it passed. */
function refused(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return (error.details ?? []).map((p) => p.field);
    throw error;
  }
}

const png = 'data:image/png;base64,iVBORw0KGgo=';

describe('validateSignature', () => {
  it('takes a typed name, trimmed', () => {
    expect(validateSignature('  Ada Lovelace ')).toBe('Ada Lovelace');
  });

  it('takes a drawn signature as a PNG or JPEG data: URL, as sent', () => {
    expect(validateSignature(png)).toBe(png);
    expect(validateSignature('data:image/jpeg;base64,/9j/4AAQ')).toBe('data:image/jpeg;base64,/9j/4AAQ');
  });

  it('refuses a missing or blank name, a name too long, other images and oversized drawings', () => {
    expect(refused(() => validateSignature(undefined))).toEqual(['signature']);
    expect(refused(() => validateSignature('   '))).toEqual(['signature']);
    expect(refused(() => validateSignature('A'.repeat(SIGNATURE_LIMITS.typedName)))).toEqual([]);
    expect(refused(() => validateSignature('A'.repeat(SIGNATURE_LIMITS.typedName + 1)))).toEqual(['signature']);
    expect(refused(() => validateSignature('data:image/gif;base64,R0lGOD=='))).toEqual(['signature']);
    expect(refused(() => validateSignature('data:image/png;base64,not base64!'))).toEqual(['signature']);
    const huge = `data:image/png;base64,${'A'.repeat(SIGNATURE_LIMITS.dataUrl)}`;
    expect(refused(() => validateSignature(huge))).toEqual(['signature']);
  });
});

describe('validatePaymentMethodId', () => {
  it('takes pm_… ids', () => {
    expect(validatePaymentMethodId('pm_test_visa')).toBe('pm_test_visa');
  });

  it('refuses anything else', () => {
    for (const value of ['pm_', 'card_123', 'pm_with space', 42, undefined, `pm_${'a'.repeat(251)}`]) {
      expect(
        refused(() => validatePaymentMethodId(value)),
        String(value),
      ).toEqual(['paymentMethodId']);
    }
  });
});

describe('validateRentalNote', () => {
  it('is optional: absent or blank is null, text is trimmed', () => {
    expect(validateRentalNote(undefined)).toBeNull();
    expect(validateRentalNote('  ')).toBeNull();
    expect(validateRentalNote(' boxed and back\nin stock ')).toBe('boxed and back\nin stock');
  });

  it('refuses a note too long or not text', () => {
    expect(refused(() => validateRentalNote('n'.repeat(RENTAL_NOTE_MAX)))).toEqual([]);
    expect(refused(() => validateRentalNote('n'.repeat(RENTAL_NOTE_MAX + 1)))).toEqual(['note']);
    expect(refused(() => validateRentalNote(12))).toEqual(['note']);
  });
});

describe('validateRentalFilter', () => {
  it('takes a page and an optional known status', () => {
    expect(refused(() => validateRentalFilter({ page: 1, perPage: 20 }))).toEqual([]);
    expect(refused(() => validateRentalFilter({ page: 2, perPage: 100, status: 'defaulted' }))).toEqual([]);
  });

  it('refuses an unknown status and a bad page together', () => {
    expect(refused(() => validateRentalFilter({ page: 0, perPage: 101, status: 'overdue' }))).toEqual([
      'page',
      'perPage',
      'status',
    ]);
  });
});
