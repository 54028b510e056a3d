import { DomainError } from '../shared/errors.js';
import { can } from '../identity/permissions.js';
import type { Actor } from '../identity/user.js';
import type { ChangeActor, OrderStatus } from './order.js';

/** The three kinds of actor the state machine distinguishes. */
export type ActorKind = 'customer' | 'staff' | 'system';

export interface OrderTransition {
  from: OrderStatus;
  to: OrderStatus;
  /** Who may make this change. Customers additionally act on their own, unpaid orders only (the service checks). */
  allowed: readonly ActorKind[];
}

/** SPEC §4: every legal status change, and who may make it. Nothing else is allowed. */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { from: 'pending', to: 'processing', allowed: ['staff', 'system'] },
  { from: 'processing', to: 'shipped', allowed: ['staff'] },
  { from: 'shipped', to: 'delivered', allowed: ['staff'] },
  { from: 'pending', to: 'cancelled', allowed: ['customer', 'staff', 'system'] },
  { from: 'processing', to: 'cancelled', allowed: ['staff'] },
  { from: 'delivered', to: 'refunded', allowed: ['staff'] },
];

/** Staff are the roles that may manage all orders; everyone else is a customer. */
export function actorKindOf(actor: ChangeActor): ActorKind {
  if (actor.kind === 'system') return 'system';
  return can(actor.role, 'orders:manage') ? 'staff' : 'customer';
}

/** The authenticated user as the order history records them. */
export function changeActorOf(actor: Actor): ChangeActor {
  return { kind: 'user', userId: actor.userId, role: actor.role };
}

/** The history's actor label: 'customer' | 'manager' | 'admin' | 'system:<job>'. */
export function actorLabelOf(actor: ChangeActor): string {
  return actor.kind === 'system' ? `system:${actor.name}` : actor.role;
}

/** Whether the transition exists at all, or (with an actor) whether that actor may make it. */
export function canTransition(from: OrderStatus, to: OrderStatus, actor?: ChangeActor): boolean {
  const transition = ORDER_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) return false;
  return actor === undefined || transition.allowed.includes(actorKindOf(actor));
}

export function assertTransition(from: OrderStatus, to: OrderStatus, actor: ChangeActor): void {
  if (!canTransition(from, to, actor)) {
    throw new DomainError('invalid_transition', `cannot change an order from ${from} to ${to}`);
  }
}
