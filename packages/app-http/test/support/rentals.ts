import { expect } from 'vitest';
import type { SignedIn } from './accounts.js';
import { createProduct } from './catalog.js';
import { manager, signInAgain, type Customer } from './orders.js';
import { startTestServer, type Engine, type TestResponse, type TestServer } from './test-server.js';

/**
 * Rentals start on a Jan 31 (a month end, so the schedule's clamping shows: Feb 28, Mar 31)
 * at 15:00 UTC. The figures below follow from SPEC §5's default policy.
 */
export const SIGNING_DAY = '2026-01-31';
export const SIGNING_TIME = `${SIGNING_DAY}T15:00:00.000Z`;

/** A $100.00 item on 3 months: ceil(10 000 × 10 500 / 30 000) = 3 500 a month, 10 500 in all. */
export const PRICE = 10_000;
export const RATE_3 = 3_500;
export const TOTAL_3 = 10_500;
/** min(ceil(3 500 × 500 / 10 000), 500) = 175. */
export const LATE_FEE_3 = 175;

export const PAID = { payment_method_id: 'pm_test_visa' };
export const DECLINED = { payment_method_id: 'pm_fail_visa' };
export const NEEDS_ACTION = { payment_method_id: 'pm_3ds_visa' };

export interface RentalServer {
  server: TestServer;
  staff: SignedIn;
}

/** A fresh server whose clock stands at SIGNING_TIME, and a manager. */
export async function startRentalServer(engine: Engine, env: Record<string, string> = {}): Promise<RentalServer> {
  const server = await startTestServer(engine, { env });
  server.clock.set(SIGNING_TIME);
  return { server, staff: await manager(server) };
}

/** A rentable product; answers its id. */
export async function rentableProduct(
  server: TestServer,
  staffToken: string,
  fields: { price?: number; stock?: number; name?: string; rentable?: boolean } = {},
): Promise<number> {
  const product = await createProduct(server, staffToken, {
    name: fields.name ?? `Rentable ${Math.random().toString(36).slice(2, 8)}`,
    price: fields.price ?? PRICE,
    stock: fields.stock ?? 5,
    rentable: fields.rentable ?? true,
  });
  return product.id as number;
}

export function createRental(
  server: TestServer,
  customer: Customer,
  productId: number,
  totalMonths = 3,
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  return server.request('POST', '/api/rentals', {
    token: customer.token,
    headers,
    body: { product_id: productId, total_months: totalMonths, address_id: customer.addressId },
  });
}

/** A pending rental that must be created; answers the presented rental. */
export async function pendingRental(server: TestServer, customer: Customer, productId: number, totalMonths = 3) {
  const response = await createRental(server, customer, productId, totalMonths);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.rental;
}

/** A rental created and signed (active from today); answers the presented rental. */
export async function activeRental(server: TestServer, customer: Customer, productId: number, totalMonths = 3) {
  const created = await pendingRental(server, customer, productId, totalMonths);
  const response = await sign(server, customer, created.id);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.rental;
}

export function sign(server: TestServer, customer: SignedIn, rentalId: number, signature = 'Ada Lovelace') {
  return server.request('POST', `/api/rentals/${rentalId}/sign-contract`, {
    token: customer.token,
    body: { signature },
  });
}

export function pay(
  server: TestServer,
  customer: SignedIn,
  rentalId: number,
  method: { payment_method_id: string } = PAID,
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  return server.request('POST', `/api/rentals/${rentalId}/make-payment`, {
    token: customer.token,
    body: method,
    headers,
  });
}

export function rentalDetail(server: TestServer, customer: SignedIn, rentalId: number): Promise<TestResponse> {
  return server.request('GET', `/api/rentals/${rentalId}`, { token: customer.token });
}

/** The stored rental with its ledger rows and status history (on every engine). */
export async function storedRental(server: TestServer, rentalId: number) {
  const rental = await server.storage.rentals.findDetail(rentalId);
  if (!rental) throw new Error(`no rental ${rentalId}`);
  return rental;
}

/**
 * Moves the clock to `at` (only ever forward) and signs the accounts in again: their
 * 15-minute access tokens expired on the way.
 */
export async function moveClockTo(server: TestServer, at: string, ...accounts: SignedIn[]): Promise<void> {
  expect(Date.parse(at)).toBeGreaterThanOrEqual(server.clock.now().getTime());
  server.clock.set(at);
  for (const account of accounts) account.token = await signInAgain(server, account);
}

/** `days` after SIGNING_DAY at 18:00 UTC, as an instant. */
export function daysAfterSigning(days: number): string {
  return new Date(Date.parse(`${SIGNING_DAY}T18:00:00.000Z`) + days * 86_400_000).toISOString();
}
