import type { ProductInput, ProductSort } from '@giggatek/domain';
import type { ApiRouter } from '../api-router.js';
import { needs, PUBLIC } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { camelKeys } from '../presenters/case.js';
import { presentPage } from '../presenters/page.js';
import { presentProduct, presentProductDetail } from '../presenters/product.js';
import { errorEnvelope, listOf, message, wrapped } from '../schemas/common.js';
import { createProductBody, product, productListQuery, updateProductBody } from '../schemas/product.js';

interface ListQuery {
  page: number;
  per_page: number;
  q?: string;
  category?: string[];
  condition?: string[];
  brand?: string;
  price_min?: number;
  price_max?: number;
  rentable?: boolean;
  in_stock?: boolean;
  sort: ProductSort;
}

const badRequest = { description: 'Invalid input', schema: errorEnvelope };
const forbidden = { description: 'Your role may not do this', schema: errorEnvelope };
const notFound = { description: 'No such product', schema: errorEnvelope };

export function productRoutes(api: ApiRouter, services: ApiServices): void {
  const { catalog, renting } = services;

  api.add<unknown, ListQuery>({
    method: 'get',
    path: '/products',
    tag: 'products',
    access: PUBLIC,
    summary: 'Active products, filtered, sorted and paged',
    query: productListQuery,
    responses: { 200: { description: 'A page of products', schema: listOf('products', product) }, 400: badRequest },
    async handle(ctx, { query }) {
      const page = await catalog.listProducts({
        page: query.page,
        perPage: query.per_page,
        sort: query.sort,
        q: query.q,
        categories: query.category,
        conditions: query.condition,
        brand: query.brand,
        priceMin: query.price_min,
        priceMax: query.price_max,
        rentable: query.rentable,
        inStock: query.in_stock,
      });
      ctx.body = presentPage('products', page, presentProduct);
    },
  });

  api.add({
    method: 'get',
    path: '/products/:id',
    tag: 'products',
    access: PUBLIC,
    summary: 'One product (archived ones too) with its rental quotes per term',
    responses: { 200: { description: 'The product', schema: wrapped('product', product) }, 404: notFound },
    async handle(ctx, { params }) {
      const found = await catalog.getProduct(params.id as number);
      ctx.body = { product: presentProductDetail(found, await renting.quotesFor(found)) };
    },
  });

  api.add<object, unknown>({
    method: 'post',
    path: '/products',
    tag: 'products',
    access: needs('products:write'),
    summary: 'Create a product (manager or admin)',
    body: createProductBody,
    idempotent: true,
    responses: {
      201: { description: 'Created', schema: wrapped('product', product) },
      400: badRequest,
      403: forbidden,
    },
    async handle(ctx, { body, actor }) {
      ctx.status = 201;
      ctx.body = { product: presentProduct(await catalog.createProduct(actor, camelKeys<ProductInput>(body))) };
    },
  });

  api.add<object, unknown>({
    method: 'put',
    path: '/products/:id',
    tag: 'products',
    access: needs('products:write'),
    summary: 'Change the fields given (manager or admin)',
    body: updateProductBody,
    responses: {
      200: { description: 'Updated', schema: wrapped('product', product) },
      400: badRequest,
      403: forbidden,
      404: notFound,
    },
    async handle(ctx, { body, actor, params }) {
      ctx.body = {
        product: presentProduct(await catalog.updateProduct(actor, params.id as number, camelKeys<ProductInput>(body))),
      };
    },
  });

  api.add({
    method: 'delete',
    path: '/products/:id',
    tag: 'products',
    access: needs('products:delete'),
    summary: 'Delete a product; archived instead when orders or rentals refer to it (admin)',
    responses: {
      200: { description: 'Deleted or archived', schema: message },
      403: forbidden,
      404: notFound,
      409: {
        description: 'conflict: an order for it was placed meanwhile, so it was archived instead',
        schema: errorEnvelope,
      },
    },
    async handle(ctx, { actor, params }) {
      const { outcome } = await catalog.deleteProduct(actor, params.id as number);
      ctx.body = {
        message: outcome === 'archived' ? 'Product archived (it has orders or rentals)' : 'Product deleted',
        outcome,
      };
    },
  });
}
