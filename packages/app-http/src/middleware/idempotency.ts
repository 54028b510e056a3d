import { createHash } from 'node:crypto';
import {
  DomainError,
  IDEMPOTENCY_KEY_TTL_MS,
  type Clock,
  type IdempotencyRecord,
  type IdempotencyStore,
  type UnitOfWork,
} from '@giggatek/domain';
import type { ApiContext, ResponseSpec, RouteInput } from '../api-router.js';
import { HttpError } from '../http-error.js';
import { errorEnvelope } from '../schemas/common.js';
import type { JsonSchema } from '../validation.js';
import { toResponse } from './errors.js';

/**
 * The idempotency facility (SPEC §4): the one place that knows the header, the key rules,
 * the key's life, the lease and the answers. A POST route opts in with `idempotent: true`
 * in its definition (api-router.ts), which also documents the header and the answers.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * How long a claim without an answer counts as a request still running; after it the
 * claimer is presumed dead and a retry takes the key over and runs again. That is safe
 * because a request's work and its answer commit together: a dead request left nothing.
 * Well above what a live request can take (a 10 s wait for a connection plus MariaDB's
 * 50 s lock wait); a claimer presumed dead that still finishes finds its claim gone, and
 * its work rolls back.
 */
export const IDEMPOTENCY_LEASE_MS = 120_000;

/** 1–255 visible ASCII characters (what Stripe accepts, minus the spaces). */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
const RETRY_AFTER_SECONDS = '1';

type Handler<B, Q> = (ctx: ApiContext, input: RouteInput<B, Q>) => Promise<void>;

export interface IdempotencyDeps {
  store: IdempotencyStore;
  /** The store's own unit of work: the handler's writes and the answer commit in it together. */
  unitOfWork: UnitOfWork;
  clock: Clock;
}

/** The header as the OpenAPI document lists it for an idempotent route. */
export const idempotencyHeaderDoc: { name: string; description: string; schema: JsonSchema } = {
  name: IDEMPOTENCY_HEADER,
  description:
    'Makes the request safe to retry for 24 h: the same key with the same body returns the first answer ' +
    `(header ${REPLAYED_HEADER}: true); with another body, 409 idempotency_conflict; while the first request runs, ` +
    `409 idempotency_in_progress with Retry-After (a request silent for ${IDEMPOTENCY_LEASE_MS / 1000} s is presumed ` +
    'dead and runs again). 1 to 255 visible ASCII characters; ' +
    'an empty or malformed key is 400 invalid_idempotency_key.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

/** The answers the facility adds to a route's own (their descriptions are appended). */
export const idempotencyResponses: Record<number, ResponseSpec> = {
  400: {
    description: 'invalid_idempotency_key: the Idempotency-Key header is empty or not 1–255 visible ASCII',
    schema: errorEnvelope,
  },
  409: {
    description:
      'idempotency_conflict: the key was used with another request; idempotency_in_progress: ' +
      'the first request with the key is still running (see Retry-After)',
    schema: errorEnvelope,
  },
};

/**
 * Wraps an idempotent route's handler (after authentication and validation: the key
 * belongs to the user, and the fingerprint is the validated body). Without the header the
 * handler runs as usual. In phases, after Stripe's "atomic phases":
 * 1. claim (user, key, fingerprint) in a statement of its own, or find the key's record:
 *    the same fingerprint with an answer is replayed, another fingerprint is 409, a claim
 *    still in its lease is 409 in progress; a claim past its lease is taken over.
 * 2. run the handler and store its answer in ONE unit of work, the answer's write
 *    conditional on still holding the claim: the work and the answer commit or roll back
 *    together, so a crash leaves either nothing (the claim, taken over after the lease) or
 *    a replayable answer.
 * A refusal a retry would meet again (409 of the domain: insufficient_stock, conflicts;
 * 402 declines) is stored as the answer after its rollback (a decline's ledger row commits:
 * RecordedRefusal); any other failure releases the claim.
 */
export function idempotent<B, Q>(deps: IdempotencyDeps, handler: Handler<B, Q>): Handler<B, Q> {
  return async (ctx, input) => {
    const key = idempotencyKeyOf(ctx);
    if (key === null) return handler(ctx, input);

    const userId = input.actor.userId;
    const requestHash = hashRequest(ctx.method, ctx.path, input.body);
    const claim = await deps.store.claim(
      userId,
      key,
      requestHash,
      deps.clock.now(),
      IDEMPOTENCY_KEY_TTL_MS,
      IDEMPOTENCY_LEASE_MS,
    );
    if (!claim.claimed) return replay(ctx, claim.record, requestHash);

    const { claimedAt } = claim;
    try {
      await deps.unitOfWork.run(async () => {
        await handler(ctx, input);
        if (!isSuccess(ctx.status)) return;
        const stored = await deps.store.complete(userId, key, claimedAt, ctx.status, JSON.stringify(ctx.body));
        // Presumed dead and taken over: the successor does the work, this one rolls back.
        if (!stored) throw new ClaimLostError();
      });
    } catch (error) {
      if (error instanceof ClaimLostError) throw inProgress();
      if (isStoredRefusal(error)) {
        const { status, body } = toResponse(error, ctx.state.requestId, ctx.state.errorFields);
        await deps.store.complete(userId, key, claimedAt, status, JSON.stringify(body));
      } else {
        await releaseQuietly(ctx, deps.store, userId, key, claimedAt);
      }
      throw error;
    }
    if (!isSuccess(ctx.status)) await releaseQuietly(ctx, deps.store, userId, key, claimedAt);
  };
}

/**
 * The header's key; null when the request has no such header. Present but empty or not
 * 1–255 visible ASCII characters: 400 (an empty value is a client bug, not "no key").
 */
function idempotencyKeyOf(ctx: ApiContext): string | null {
  const raw = ctx.req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !VALID_KEY.test(raw)) {
    throw new HttpError(
      400,
      'invalid_idempotency_key',
      `the ${IDEMPOTENCY_HEADER} header must be 1 to 255 visible ASCII characters`,
    );
  }
  return raw;
}

/** The answer to a key already claimed: its stored answer, or why there is none. */
function replay(ctx: ApiContext, record: IdempotencyRecord, requestHash: string): void {
  if (record.requestHash !== requestHash) {
    throw new DomainError('idempotency_conflict', 'this Idempotency-Key was used with a different request');
  }
  if (record.responseStatus === null || record.responseBody === null) throw inProgress();
  ctx.status = record.responseStatus;
  ctx.body = JSON.parse(record.responseBody) as unknown;
  ctx.set(REPLAYED_HEADER, 'true');
}

function inProgress(): HttpError {
  return new HttpError(
    409,
    'idempotency_in_progress',
    'a request with this Idempotency-Key is still being processed; retry later',
    {
      'Retry-After': RETRY_AFTER_SECONDS,
    },
  );
}

/**
 * A domain 409 (insufficient_stock, conflict, invalid_transition) a retry would meet again,
 * or a 402 (a declined charge, recorded in the ledger): the retry gets that answer again, as
 * Stripe replays a decline for its key; another card is another request with another key.
 */
function isStoredRefusal(error: unknown): error is DomainError {
  if (!(error instanceof DomainError) || error.code.startsWith('idempotency_')) return false;
  const { status } = toResponse(error, '');
  return status === 409 || status === 402;
}

/** The claim was taken over by a retry while this request ran. */
class ClaimLostError extends Error {}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** SHA-256 of method, path and the validated body as canonical JSON (keys sorted at every depth). */
export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request's own failure is what the client must see; a failed release only delays a retry. */
async function releaseQuietly(
  ctx: ApiContext,
  store: IdempotencyStore,
  userId: number,
  key: string,
  claimedAt: Date,
): Promise<void> {
  try {
    await store.release(userId, key, claimedAt);
  } catch (error) {
    ctx.state.log.warn({ err: error }, 'could not release an idempotency key');
  }
}
