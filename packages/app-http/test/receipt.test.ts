import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/expect-error.js';
import { customerWithAddress, manager, placedOrder, productWith } from './support/orders.js';
import { pdfText } from './support/pdf-text.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('orders: PDF receipt (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`answers a real PDF of the order: header, lines, totals, payment status (${engine})`, async () => {
    const staff = await manager(server);
    const gpu = await productWith(server, staff.token, { price: 123_456, stock: 5, name: 'GeForce RTX 4090' });
    const ram = await productWith(server, staff.token, { price: 4_999, stock: 5, name: 'DDR5 32GB Kit' });
    const customer = await customerWithAddress(server);
    const order = await placedOrder(server, customer, [{ product_id: gpu, quantity: 1 }, { product_id: ram, quantity: 2 }], { shipping_method: 'overnight' });
    // 123 456 + 9 998 = 133 454; tax round_half_up(133 454 × 825 / 10 000) = 11 010; + 3 999
    expect(order).toMatchObject({ subtotal: 133_454, tax: 11_010, shipping: 3_999, total: 148_463 });

    const response = await fetch(`${server.url}/api/orders/${order.id}/receipt`, { headers: { Authorization: `Bearer ${customer.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="giggatek-order-${order.id}.pdf"`);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'GigGatek', `order #${order.id}`, 'Ada Lovelace', '12 Analytical Way', 'GeForce RTX 4090', 'DDR5 32GB Kit',
      '$1,234.56', '$49.99', '$99.98', '$1,334.54', '$39.99', '$110.10', '$1,484.63', 'Payment status: pending',
    ]) {
      expect(text, expected).toContain(expected);
    }

    const staffRead = await fetch(`${server.url}/api/orders/${order.id}/receipt`, { headers: { Authorization: `Bearer ${staff.token}` } });
    expect(staffRead.status).toBe(200);
  });

  it(`is only for the order's owner (and staff): others get 404, no token 401 (${engine})`, async () => {
    const staff = await manager(server);
    const productId = await productWith(server, staff.token, { price: 1_000, stock: 5 });
    const owner = await customerWithAddress(server);
    const order = await placedOrder(server, owner, [{ product_id: productId, quantity: 1 }]);
    const stranger = await customerWithAddress(server);
    expectError(await server.request('GET', `/api/orders/${order.id}/receipt`, { token: stranger.token }), 404, 'not_found');
    expectError(await server.request('GET', `/api/orders/${order.id}/receipt`), 401, 'missing_token');
  });
});
