import type { Address } from '@giggatek/domain';
import { presentAddressSnapshot } from './order.js';

export function presentAddress(address: Address) {
  return {
    id: address.id,
    label: address.label,
    ...presentAddressSnapshot(address),
    is_default: address.isDefault,
    created_at: address.createdAt.toISOString(),
    updated_at: address.updatedAt.toISOString(),
  };
}
