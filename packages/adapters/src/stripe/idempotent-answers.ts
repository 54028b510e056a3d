import { DomainError } from '@giggatek/domain';

/**
 * Stripe's idempotency, in memory: the first answer under a key is kept and answered again
 * for the same request; the same key with other parameters is refused. Answers are copies,
 * so a caller changing one cannot change what the key answers next time.
 */
export class IdempotentAnswers {
  private readonly answers = new Map<string, { fingerprint: string; answer: unknown }>();

  /** `request` names the operation and all its parameters. */
  async once<T>(key: string, request: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
    const fingerprint = canonicalJson(request);
    const earlier = this.answers.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw idempotencyConflict(key);
      // The same fingerprint is the same operation, so the kept answer is a T.
      return structuredClone(earlier.answer) as T;
    }
    const answer = await work();
    this.answers.set(key, { fingerprint, answer: structuredClone(answer) });
    return answer;
  }
}

export function idempotencyConflict(key: string): DomainError {
  return new DomainError('idempotency_conflict', `the gateway idempotency key ${key} was used with other parameters`);
}

/** JSON with object keys sorted: metadata given in another order is the same request. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
