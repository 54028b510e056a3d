import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/expect-error.js';
import { ADDRESS, customerWithAddress, manager, placedOrder, productWith } from './support/orders.js';
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
    const order = await placedOrder(
      server,
      customer,
      [
        { product_id: gpu, quantity: 1 },
        { product_id: ram, quantity: 2 },
      ],
      { shipping_method: 'overnight' },
    );
    // 123 456 + 9 998 = 133 454; tax round_half_up(133 454 × 825 / 10 000) = 11 010; + 3 999
    expect(order).toMatchObject({ subtotal: 133_454, tax: 11_010, shipping: 3_999, total: 148_463 });

    const response = await fetch(`${server.url}/api/orders/${order.id}/receipt`, {
      headers: { Authorization: `Bearer ${customer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="giggatek-order-${order.id}.pdf"`);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of [
      'GigGatek',
      `order #${order.id}`,
      'Ada Lovelace',
      '12 Analytical Way',
      'GeForce RTX 4090',
      'DDR5 32GB Kit',
      '$1,234.56',
      '$49.99',
      '$99.98',
      '$1,334.54',
      '$39.99',
      '$110.10',
      '$1,484.63',
      'Payment status: pending',
    ]) {
      expect(text, expected).toContain(expected);
    }

    const staffRead = await fetch(`${server.url}/api/orders/${order.id}/receipt`, {
      headers: { Authorization: `Bearer ${staff.token}` },
    });
    expect(staffRead.status).toBe(200);
  });

  it(`renders names and addresses in any script through the embedded Unicode fonts (${engine})`, async () => {
    const staff = await manager(server);
    const productId = await productWith(server, staff.token, {
      price: 2_500,
      stock: 5,
      name: 'Łódź refurbished 液晶 monitor',
    });
    const customer = await customerWithAddress(server, {
      ...ADDRESS,
      recipient_name: 'Zoë 😀 王小明',
      line1: '東京都 1-2-3',
    });
    const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }]);
    expect(order.shipping_address).toMatchObject({ recipient_name: 'Zoë 😀 王小明', line1: '東京都 1-2-3' });

    const response = await fetch(`${server.url}/api/orders/${order.id}/receipt`, {
      headers: { Authorization: `Bearer ${customer.token}` },
    });
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = await pdfText(pdf);
    for (const expected of ['Zoë', '王小明', '東京都 1-2-3', 'Łódź refurbished 液晶 monitor', 'Bill to', 'Ship to']) {
      expect(text, expected).toContain(expected);
    }
    // The emoji has no glyph in either font: it shows as a visible placeholder, never as bytes of another encoding.
    expect(text).toContain('Zoë □ 王小明');
    // eslint-disable-next-line no-control-regex -- a NUL in the text is what this looks for
    expect(text).not.toMatch(/Ã|Â|þÿ|\uFFFD|\u0000/);
    const fonts = new Set(
      [...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map(([, name]) => name),
    );
    expect([...fonts].sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Regular']);
    expect(pdf.length).toBeLessThan(100_000); // embedded fonts are subset to the glyphs used
  });

  it(`is only for the order's owner (and staff): others get 404, no token 401 (${engine})`, async () => {
    const staff = await manager(server);
    const productId = await productWith(server, staff.token, { price: 1_000, stock: 5 });
    const owner = await customerWithAddress(server);
    const order = await placedOrder(server, owner, [{ product_id: productId, quantity: 1 }]);
    const stranger = await customerWithAddress(server);
    expectError(
      await server.request('GET', `/api/orders/${order.id}/receipt`, { token: stranger.token }),
      404,
      'not_found',
    );
    expectError(await server.request('GET', `/api/orders/${order.id}/receipt`), 401, 'missing_token');
  });
});
