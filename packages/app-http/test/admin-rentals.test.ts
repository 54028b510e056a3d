import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { customerWithAddress, stockOf, type Customer } from './support/orders.js';
import {
  activeRental,
  DECLINED,
  LATE_FEE_3,
  moveClockTo,
  PAID,
  pay,
  pendingRental,
  RATE_3,
  rentableProduct,
  startRentalServer,
  storedRental,
} from './support/rentals.js';
import { ENGINES, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('admin rentals: list and staff transitions (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let customer: Customer;
  beforeAll(async () => {
    ({ server, staff } = await startRentalServer(engine));
    customer = await customerWithAddress(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const update = (rentalId: number, body: unknown) =>
    server.request('PUT', `/api/admin/rentals/${rentalId}`, { token: staff.token, body });
  const list = async (query: string) => {
    const response = await server.request('GET', `/api/admin/rentals${query}`, { token: staff.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { rentals: { id: number }[]; pagination: { total: number } };
  };
  const ids = async (query: string) => (await list(query)).rentals.map((r) => r.id);

  it(`lists every customer's rentals, newest first, filtered by status and customer_email (${engine})`, async () => {
    const productId = await rentableProduct(server, staff.token, { stock: 10 });
    const other = await customerWithAddress(server);
    const mine = await pendingRental(server, customer, productId);
    server.clock.advance(1000);
    const theirs = await activeRental(server, other, productId);
    expect((await ids('?per_page=100')).slice(0, 2)).toEqual([theirs.id, mine.id]);
    const page = await list('?per_page=1');
    expect(page.rentals).toHaveLength(1);
    expect(page.pagination.total).toBeGreaterThanOrEqual(2);
    expect(await ids(`?customer_email=${encodeURIComponent(other.email.toUpperCase())}`)).toEqual([theirs.id]);
    expect(await ids(`?customer_email=${encodeURIComponent(customer.email)}&status=pending`)).toEqual([mine.id]);
    expect(await ids(`?customer_email=${encodeURIComponent(customer.email)}&status=active`)).toEqual([]);
    expect(await ids('?customer_email=nobody%40example.com')).toEqual([]);
    expectError(await server.request('GET', '/api/admin/rentals?status=lost', { token: staff.token }), 400);
    expectError(await server.request('GET', '/api/admin/rentals?overdue=maybe', { token: staff.token }), 400);

    const detail = await server.request('GET', `/api/admin/rentals/${theirs.id}`, { token: staff.token });
    expect(detail.status).toBe(200);
    expect(detail.body.rental).toMatchObject({ id: theirs.id, user_id: other.userId, status: 'active' });
    expect(detail.body.rental.schedule).toHaveLength(3);
    expectError(await server.request('GET', '/api/admin/rentals/987654', { token: staff.token }), 404, 'not_found');
  });

  it(`cancels a pending rental (stock back) and refuses what the rules do not allow (${engine})`, async () => {
    const productId = await rentableProduct(server, staff.token, { stock: 1 });
    const rental = await pendingRental(server, customer, productId);
    const cancelled = await update(rental.id, { status: 'cancelled', note: 'customer called' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.rental.status).toBe('cancelled');
    expect(cancelled.body.rental.status_history.at(-1)).toMatchObject({ to: 'cancelled', actor: 'manager' });
    // The note is the transition's, written once.
    const noted = cancelled.body.rental.status_history.filter((c: { note: string }) => c.note === 'customer called');
    expect(noted).toHaveLength(1);
    expect(await stockOf(server, productId)).toBe(1);
    expectError(await update(rental.id, { status: 'active' }), 409, 'invalid_transition');
    expectError(await update(rental.id, {}), 400, 'validation_failed');
    expect(detailFields(await update(rental.id, { status: 'completed' }))).toEqual(['status']);
    expect(detailFields(await update(rental.id, { received: false }))).toEqual(['received']);
    expect(detailFields(await update(rental.id, { status: 'active', payment_method_id: 'card' }))).toEqual([
      'payment_method_id',
    ]);
  });

  it(`a returned unit received back comes back to stock once, with a rental_back movement (${engine})`, async () => {
    const productId = await rentableProduct(server, staff.token, { stock: 1 });
    const rental = await activeRental(server, customer, productId);
    expectError(await update(rental.id, { received: true }), 409, 'invalid_transition');
    const returned = await update(rental.id, { status: 'returned', note: 'picked up by courier' });
    expect(returned.body.rental).toMatchObject({ status: 'returned', received_at: null });
    expect(await stockOf(server, productId)).toBe(0);

    const received = await update(rental.id, { received: true, note: 'unit inspected, grade B' });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body.rental).toMatchObject({ status: 'returned', received_at: server.clock.now().toISOString() });
    expect(await stockOf(server, productId)).toBe(1);
    const movements = await server.request('GET', `/api/admin/products/${productId}/stock-movements`, {
      token: staff.token,
    });
    expect(movements.body.stock_movements[0]).toMatchObject({
      reason: 'rental_back',
      delta: 1,
      rental_id: rental.id,
      actor: 'manager',
    });
    expect(movements.body.stock_movements[1]).toMatchObject({ reason: 'rental_out', delta: -1, rental_id: rental.id });

    expectError(await update(rental.id, { received: true }), 409, 'invalid_transition');
    expect(await stockOf(server, productId)).toBe(1);
  });

  it(`a note alone is added to the history, the status unchanged (${engine})`, async () => {
    const rental = await activeRental(server, customer, await rentableProduct(server, staff.token));
    const noted = await update(rental.id, { note: 'customer asked about buyout' });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    expect(noted.body.rental.status).toBe('active');
    expect(noted.body.rental.status_history.at(-1)).toMatchObject({
      from: 'active',
      to: 'active',
      note: 'customer asked about buyout',
      actor: 'manager',
    });
  });

  // Last: it moves the clock. Installment 1 is due Jan 31: more than 30 days overdue from Mar 3.
  it(`overdue filter; default only after default_after_days; reinstate charges the arrears (${engine})`, async () => {
    const productId = await rentableProduct(server, staff.token, { stock: 5 });
    const behind = await activeRental(server, customer, productId);
    const upToDate = await activeRental(server, customer, productId);
    await pay(server, customer, upToDate.id);
    expect(await ids('?overdue=true&per_page=100')).not.toContain(behind.id);

    await moveClockTo(server, '2026-02-01T12:00:00.000Z', staff);
    const overdue = await ids('?overdue=true&per_page=100');
    expect(overdue).toContain(behind.id);
    expect(overdue).not.toContain(upToDate.id);
    expect(await ids('?overdue=false&per_page=100')).toEqual(expect.arrayContaining([behind.id, upToDate.id]));

    await moveClockTo(server, '2026-03-02T12:00:00.000Z', staff, customer);
    const early = await update(behind.id, { status: 'defaulted' });
    expectError(early, 409, 'invalid_transition');
    expect(early.body.error).toContain('2026-03-03');
    expect((await storedRental(server, behind.id)).status).toBe('active');

    await moveClockTo(server, '2026-03-03T12:00:00.000Z', staff, customer);
    const defaulted = await update(behind.id, { status: 'defaulted', note: 'no payment for 31 days' });
    expect(defaulted.status, JSON.stringify(defaulted.body)).toBe(200);
    expect(defaulted.body.rental).toMatchObject({
      status: 'defaulted',
      defaulted_at: server.clock.now().toISOString(),
    });
    expectError(await pay(server, customer, behind.id), 409, 'invalid_transition');

    // Arrears on Mar 3: installment 1 (due Jan 31, late: with its fee) and 2 (due Feb 28, still in its grace).
    const arrears = RATE_3 + LATE_FEE_3 + RATE_3;
    const unpaid = await update(behind.id, { status: 'active' });
    expectError(unpaid, 409, 'conflict');
    expect(unpaid.body).toMatchObject({ arrears, currency: 'usd' });
    expectError(await update(behind.id, { status: 'active', ...DECLINED }), 402, 'payment_failed');
    const afterDecline = await storedRental(server, behind.id);
    expect(afterDecline.status).toBe('defaulted');
    expect(afterDecline.payments.map((p) => p.status)).toEqual(['failed']);

    const reinstated = await update(behind.id, { status: 'active', ...PAID });
    expect(reinstated.status, JSON.stringify(reinstated.body)).toBe(200);
    expect(reinstated.body.rental).toMatchObject({
      status: 'active',
      defaulted_at: null,
      payments_made: 2,
      late_fees_due: 0,
      next_payment_date: '2026-03-31',
    });
    const paid = reinstated.body.rental.payments.filter((p: { status: string }) => p.status === 'paid');
    expect(paid.map((p: { installment_no: number; amount: number }) => [p.installment_no, p.amount])).toEqual([
      [1, RATE_3 + LATE_FEE_3],
      [2, RATE_3],
    ]);
    expect(reinstated.body.rental.status_history.map((c: { to: string }) => c.to)).toEqual([
      'pending',
      'active',
      'defaulted',
      'active',
    ]);
  });
});
