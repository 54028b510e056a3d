/** Ids are positive integers assigned by the store. */
export type Id = number;

export function isId(value: unknown): value is Id {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
