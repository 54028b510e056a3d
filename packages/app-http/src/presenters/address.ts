import type { Address } from '@giggatek/domain';

export function presentAddress(address: Address) {
  return {
    id: address.id,
    label: address.label,
    recipient_name: address.recipientName,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    state: address.state,
    postal_code: address.postalCode,
    country: address.country,
    phone: address.phone,
    is_default: address.isDefault,
    created_at: address.createdAt.toISOString(),
    updated_at: address.updatedAt.toISOString(),
  };
}

