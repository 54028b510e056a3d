import { Problems } from '../shared/errors.js';
import { optionalPhone, requiredText } from '../shared/text-rules.js';

export const NAME_MAX_LENGTH = 100;

export interface ProfileFields {
  firstName?: unknown;
  lastName?: unknown;
  phone?: unknown;
}

export interface ValidProfilePatch {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
}

/**
 * Validates the profile fields that are present (undefined = leave unchanged) and returns
 * them trimmed. Only these three fields: anything else in `input` is ignored.
 */
export function checkProfilePatch(input: ProfileFields, problems: Problems): ValidProfilePatch {
  const patch: ValidProfilePatch = {};
  if (input.firstName !== undefined) {
    const firstName = requiredText(input.firstName, 'firstName', NAME_MAX_LENGTH, problems);
    if (firstName !== null) patch.firstName = firstName;
  }
  if (input.lastName !== undefined) {
    const lastName = requiredText(input.lastName, 'lastName', NAME_MAX_LENGTH, problems);
    if (lastName !== null) patch.lastName = lastName;
  }
  if (input.phone !== undefined) patch.phone = optionalPhone(input.phone, 'phone', problems);
  return patch;
}

/** A full profile, as register needs it: both names required. */
export function checkProfile(
  input: ProfileFields,
  problems: Problems,
): { firstName: string; lastName: string; phone: string | null } {
  const firstName = requiredText(input.firstName, 'firstName', NAME_MAX_LENGTH, problems) ?? '';
  const lastName = requiredText(input.lastName, 'lastName', NAME_MAX_LENGTH, problems) ?? '';
  const phone = optionalPhone(input.phone, 'phone', problems);
  return { firstName, lastName, phone };
}

export function assertValidProfilePatch(input: ProfileFields): ValidProfilePatch {
  const problems = new Problems();
  const patch = checkProfilePatch(input, problems);
  problems.throwIfAny();
  return patch;
}
