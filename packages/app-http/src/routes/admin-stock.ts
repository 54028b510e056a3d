import type { ApiRouter } from '../api-router.js';
import { needs } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { presentPage } from '../presenters/page.js';
import { presentStockMovement } from '../presenters/stock-movement.js';
import { errorEnvelope, listOf } from '../schemas/common.js';
import { stockMovement, stockMovementListQuery } from '../schemas/stock-movement.js';

interface PageQuery {
  page: number;
  per_page: number;
}

export function adminStockRoutes(api: ApiRouter, { catalog }: ApiServices): void {
  api.add<unknown, PageQuery>({
    method: 'get',
    path: '/admin/products/:id/stock-movements',
    tag: 'admin-products',
    access: needs('products:write'),
    summary: "A product's stock ledger, newest first: every change of its stock and why (manager or admin)",
    query: stockMovementListQuery,
    responses: {
      200: { description: 'A page of movements', schema: listOf('stock_movements', stockMovement) },
      400: { description: 'Invalid page or per_page', schema: errorEnvelope },
      403: { description: 'Managers and admins only', schema: errorEnvelope },
      404: { description: 'No such product', schema: errorEnvelope },
    },
    async handle(ctx, { params, query, actor }) {
      const page = await catalog.listStockMovements(actor, params.id as number, {
        page: query.page,
        perPage: query.per_page,
      });
      ctx.body = presentPage('stock_movements', page, presentStockMovement);
    },
  });
}
