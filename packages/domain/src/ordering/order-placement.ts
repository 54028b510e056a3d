import type { Notification } from '../notifications/ports.js';
import type { User } from '../identity/user.js';
import type { Order } from './order.js';

/** The order confirmation email's data (template variables in snake_case, as the API spells them). */
export function orderConfirmation(order: Order, user: Pick<User, 'email' | 'firstName'>): Notification {
  return {
    template: 'order_confirmation',
    to: user.email,
    data: {
      first_name: user.firstName,
      order_id: order.id,
      currency: order.currency,
      subtotal: order.subtotal,
      shipping: order.shipping,
      tax: order.tax,
      total: order.total,
      shipping_method: order.shippingMethod,
      items: order.items.map((item) => ({
        product_name: item.productName,
        quantity: item.quantity,
        unit_price: item.unitPrice,
        line_total: item.lineTotal,
      })),
    },
  };
}
