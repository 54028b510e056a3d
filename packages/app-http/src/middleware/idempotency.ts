import { createHash } from 'node:crypto';
import { DomainError, IDEMPOTENCY_KEY_TTL_MS, type Actor, type Clock, type IdempotencyStore } from '@giggatek/domain';
import type { ApiContext, RouteInput } from '../api-router.js';
import { HttpError } from '../http-error.js';
import { toResponse } from './errors.js';

/**
 * How long a claim without an answer counts as a request still running; after it the
 * claimer is presumed dead and a retry recovers. Well above what a live request can take:
 * a wait for a database connection (10 s acquire timeout) plus a wait for a row lock
 * (MariaDB's default innodb_lock_wait_timeout is 50 s). Should a claimer presumed dead
 * still finish, its complete or release no longer touches its successor's claim.
 */
export const IDEMPOTENCY_LEASE_MS = 120_000;
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** 1–255 visible ASCII characters (what Stripe accepts, minus the spaces). */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

type Handler<B, Q> = (ctx: ApiContext, input: RouteInput<B, Q>) => Promise<void>;

/** An answer to send as the route's own: status and JSON body. */
export interface RecoveredAnswer {
  status: number;
  body: unknown;
}

export interface IdempotencyDeps {
  store: IdempotencyStore;
  clock: Clock;
  /**
   * The route's recovery point: the answer to the key's request (`requestHash` is its
   * fingerprint, see hashRequest) if its work committed (for orders, the order placed with
   * the key and the same fingerprint), else null. Given it, a claim still in progress
   * after IDEMPOTENCY_LEASE_MS is taken over: a request that crashed between committing its
   * work and storing its answer is answered from here, one that crashed before committing
   * runs again. Without it a stuck claim answers "in progress" until the key expires.
   */
  recover?: (actor: Actor, key: string, requestHash: string) => Promise<RecoveredAnswer | null>;
}

/**
 * Wraps a signed-in route's handler so an `Idempotency-Key` header makes it safe to retry
 * (SPEC §4). It wraps the handler rather than running as route middleware because the key
 * belongs to the authenticated user, and authentication and validation run just before the
 * handler. Without the header the handler runs as usual.
 *
 * The first request with a key claims it; the answer is stored when the request did its
 * work (2xx) or was refused for a reason that a retry would meet again (insufficient
 * stock); any other failure (invalid input, not found, server error) releases the key so
 * the client may retry. A later request with the key and the same method, path and body
 * gets the stored answer (header `Idempotent-Replayed: true`); with another request, 409.
 * While the first request runs, a retry gets 409 idempotency_in_progress; once its claim
 * is older than the lease, a retry recovers through `deps.recover` (see there).
 */
export function idempotent<B, Q>(deps: IdempotencyDeps, handler: Handler<B, Q>): Handler<B, Q> {
  return async (ctx, input) => {
    const key = idempotencyKey(ctx);
    if (key === null) return handler(ctx, input);

    const userId = input.actor.userId;
    const requestHash = idempotencyRequestHash(ctx, input.body);
    const leaseMs = deps.recover ? IDEMPOTENCY_LEASE_MS : undefined;
    const claim = await deps.store.claim(userId, key, requestHash, deps.clock.now(), IDEMPOTENCY_KEY_TTL_MS, leaseMs);
    if (!claim.claimed) {
      const { record } = claim;
      if (record.requestHash !== requestHash) {
        throw new DomainError('idempotency_conflict', 'this Idempotency-Key was used with a different request');
      }
      if (record.responseStatus === null || record.responseBody === null) {
        throw new HttpError(409, 'idempotency_in_progress', 'a request with this Idempotency-Key is still being processed; retry later', {
          'Retry-After': '1',
        });
      }
      ctx.status = record.responseStatus;
      ctx.body = JSON.parse(record.responseBody) as unknown;
      ctx.set(REPLAYED_HEADER, 'true');
      return;
    }

    // complete and release touch the record only while it is still this claim.
    const { claimedAt } = claim;
    try {
      // A taken-over claim: its request may have committed before it died.
      const recovered = claim.takenOver && deps.recover ? await deps.recover(input.actor, key, requestHash) : null;
      if (recovered) {
        ctx.status = recovered.status;
        ctx.body = recovered.body;
        ctx.set(REPLAYED_HEADER, 'true');
      } else {
        await handler(ctx, input);
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_stock') {
        const { status, body } = toResponse(error, ctx.state.requestId);
        await deps.store.complete(userId, key, claimedAt, status, JSON.stringify(body));
      } else {
        await releaseQuietly(ctx, deps.store, userId, key, claimedAt);
      }
      throw error;
    }
    if (ctx.status >= 200 && ctx.status < 300) {
      try {
        await deps.store.complete(userId, key, claimedAt, ctx.status, JSON.stringify(ctx.body));
      } catch (error) {
        // The work is done and the client gets its answer; a retry would see "in progress".
        ctx.state.log.error({ err: error }, 'could not store the answer of an idempotent request');
      }
    } else {
      await releaseQuietly(ctx, deps.store, userId, key, claimedAt);
    }
  };
}

/** The header's key, null without one; 400 when it is not 1–255 visible ASCII characters. */
function idempotencyKey(ctx: ApiContext): string | null {
  const raw = ctx.get(IDEMPOTENCY_HEADER);
  if (raw === '') return null;
  if (!VALID_KEY.test(raw)) {
    throw new HttpError(400, 'invalid_idempotency_key', `the ${IDEMPOTENCY_HEADER} header must be 1 to 255 visible ASCII characters`);
  }
  return raw;
}

/**
 * The fingerprint of an idempotent request, as the wrapper stores it with the key; a route
 * that keeps it with its work (orders) computes it with this same function.
 */
export function idempotencyRequestHash(ctx: ApiContext, body: unknown): string {
  return hashRequest(ctx.method, ctx.path, body);
}

/** SHA-256 of method, path and the validated body as canonical JSON (keys sorted at every depth). */
export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest('hex');
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
  ctx: ApiContext, store: IdempotencyStore, userId: number, key: string, claimedAt: Date,
): Promise<void> {
  try {
    await store.release(userId, key, claimedAt);
  } catch (error) {
    ctx.state.log.warn({ err: error }, 'could not release an idempotency key');
  }
}
