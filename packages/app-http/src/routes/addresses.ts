import type { AddressInput } from '@giggatek/domain';
import type { ApiRouter } from '../api-router.js';
import { SIGNED_IN } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { presentAddress } from '../presenters/address.js';
import { camelKeys } from '../presenters/case.js';
import { address, createAddressBody, updateAddressBody } from '../schemas/address.js';
import { errorEnvelope, message, wrapped } from '../schemas/common.js';

const notFound = { description: 'No such address of yours', schema: errorEnvelope };
const badRequest = { description: 'Invalid input', schema: errorEnvelope };

export function addressRoutes(api: ApiRouter, { addresses }: ApiServices): void {
  api.add({
    method: 'get',
    path: '/auth/addresses',
    tag: 'addresses',
    access: SIGNED_IN,
    summary: 'Your address book',
    responses: {
      200: {
        description: 'Addresses',
        schema: { type: 'object', properties: { addresses: { type: 'array', items: address } } },
      },
    },
    async handle(ctx, { actor }) {
      ctx.body = { addresses: (await addresses.list(actor)).map(presentAddress) };
    },
  });

  api.add<object, unknown>({
    method: 'post',
    path: '/auth/addresses',
    tag: 'addresses',
    access: SIGNED_IN,
    summary: 'Add an address (the first one becomes the default)',
    body: createAddressBody,
    idempotent: true,
    responses: { 201: { description: 'Created', schema: wrapped('address', address) }, 400: badRequest },
    async handle(ctx, { body, actor }) {
      ctx.status = 201;
      ctx.body = { address: presentAddress(await addresses.create(actor, camelKeys<AddressInput>(body))) };
    },
  });

  api.add<object, unknown>({
    method: 'put',
    path: '/auth/addresses/:id',
    tag: 'addresses',
    access: SIGNED_IN,
    summary: 'Change the fields given of one of your addresses',
    body: updateAddressBody,
    responses: { 200: { description: 'Updated', schema: wrapped('address', address) }, 400: badRequest, 404: notFound },
    async handle(ctx, { body, actor, params }) {
      ctx.body = {
        address: presentAddress(
          await addresses.update(actor, params.id as number, camelKeys<Partial<AddressInput>>(body)),
        ),
      };
    },
  });

  api.add({
    method: 'delete',
    path: '/auth/addresses/:id',
    tag: 'addresses',
    access: SIGNED_IN,
    summary: 'Delete one of your addresses (orders keep their copy)',
    responses: { 200: { description: 'Deleted', schema: message }, 404: notFound },
    async handle(ctx, { actor, params }) {
      await addresses.remove(actor, params.id as number);
      ctx.body = { message: 'Address deleted' };
    },
  });
}
