// What the bench measures. Each scenario is one request, sent by autocannon to the real
// app and, when it has one, to a baseline: the same queries written by hand with mysql2
// on a bare Koa app, so the ratio app/baseline is the cost of our layers (routing,
// validation, authentication, domain, knex/objection, presenters) on top of the
// unavoidable database work. A scenario without a baseline reports the app's figures only.
//
// Fields:
//   name         a short label for the table;
//   method       'GET' (default) or 'POST';
//   path         the request path, identical for app and baseline;
//   as           optional: 'customer' or 'buyer', the bench account whose bearer token is
//                sent (run.mjs signs in just before the scenario; lib/order-fixture.mjs);
//   body         optional (fixture) => JSON body of every request;
//   status       the answer expected from the app (200 by default);
//   check        optional (appBody, fixture) => problem string or null, on one answer
//                before the load: a fast wrong answer is not a result;
//   baseline     optional async (pool, url, context) => ({ status, body }): the
//                hand-written equivalent (context.userId: the fixture's customer);
//   compare      (appBody, baselineBody) => problem string or null, when there is a baseline;
//   targetRatio  optional: the ratio app/baseline (req/s) this scenario should reach;
//   creates      optional table name: each answered request adds exactly one row there,
//                which run.mjs checks after the load.
import { listOrdersOfUser, sameOrderPage } from './baselines/orders.mjs';
import { listProductsByCategory, sameProductPage } from './baselines/products.mjs';
import { ORDERS_PER_CUSTOMER } from './lib/order-fixture.mjs';

export const SCENARIOS = [
  {
    name: 'products by category, page 2',
    path: '/api/products?category=GPUs&page=2',
    baseline: listProductsByCategory,
    compare: sameProductPage,
    targetRatio: 0.8,
  },
  {
    name: 'my orders, page 1',
    path: '/api/orders',
    as: 'customer',
    check: (body) =>
      body.orders?.length === 20 && body.pagination?.total === ORDERS_PER_CUSTOMER
        ? null
        : `expected 20 of ${ORDERS_PER_CUSTOMER} orders, got ${body.orders?.length} of ${body.pagination?.total}`,
    baseline: listOrdersOfUser,
    compare: sameOrderPage,
  },
  {
    name: 'place an order',
    method: 'POST',
    path: '/api/orders',
    as: 'buyer',
    body: (fixture) => ({
      items: [{ product_id: fixture.productIds[0], quantity: 1 }],
      shipping_address_id: fixture.buyer.addressId,
      shipping_method: 'standard',
    }),
    status: 201,
    check: (body, fixture) => {
      const order = body.order;
      if (!Number.isInteger(order?.total) || order.total <= 0)
        return `no order total in ${JSON.stringify(body).slice(0, 200)}`;
      const line = order.items?.[0];
      return order.items.length === 1 && line.product_id === fixture.productIds[0] && line.quantity === 1
        ? null
        : `unexpected lines ${JSON.stringify(order.items)}`;
    },
    creates: 'orders',
  },
];
