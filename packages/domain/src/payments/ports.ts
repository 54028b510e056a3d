import type { Id } from '../shared/ids.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { LedgerStatus, NewPaymentEntry, PaymentEntry } from './payment.js';

/**
 * The payment ledger (SPEC §6, table `payments`) and the gateway events already applied
 * (table `gateway_events`, migration 008). Every write joins the caller's unit of work.
 */
export interface PaymentLedger {
  insert(entry: NewPaymentEntry, now: Date): Promise<PaymentEntry>;
  findById(id: Id): Promise<PaymentEntry | null>;
  findByGatewayRef(gatewayRef: string): Promise<PaymentEntry | null>;
  /**
   * Inside a unit of work: the row of this gateway reference, locked until the unit ends
   * (FOR UPDATE on MySQL), so a webhook and a synchronous confirmation of one intent apply
   * one after the other and the second sees the first's result.
   */
  lockByGatewayRef(gatewayRef: string): Promise<PaymentEntry | null>;
  /** One conditional update: only from one of `from` (a failure never undoes a success). False when it moved on. */
  changeStatus(id: Id, from: readonly LedgerStatus[], to: LedgerStatus, now: Date): Promise<boolean>;
  /** The caller's own rows, newest first (ties by id). */
  listForUser(userId: Id, request: PageRequest): Promise<Page<PaymentEntry>>;
  listForOrder(orderId: Id): Promise<PaymentEntry[]>;
  /**
   * Records that a gateway event was applied, in the unit of work of its effect: false when
   * the event id is already there (a unique constraint), so a duplicate changes nothing.
   */
  recordEvent(event: { id: string; type: string; createdAt: Date }, now: Date): Promise<boolean>;
}
