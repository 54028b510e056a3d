import type {
  Id,
  LedgerStatus,
  NewPaymentEntry,
  Page,
  PageRequest,
  PaymentEntry,
  PaymentLedger,
} from '@giggatek/domain';
import { copy, IdSequence, pageOf } from './memory-store.js';

/**
 * The payment ledger in memory: the one store of ledger rows, shared by the memory order
 * and rental repositories (their payments are written here with `append`), so a row
 * written by one is seen by all, as in the SQL `payments` table. No `await` between a
 * check and its change; the memory unit of work runs one unit at a time, so a lock needs
 * nothing more than a read.
 */
export class MemoryPaymentLedger implements PaymentLedger {
  private readonly rows: PaymentEntry[] = [];
  private readonly ids = new IdSequence();
  /** Applied event id → type (a Map, so the unit of work's snapshot restores it). */
  private readonly events = new Map<string, string>();

  /** Synchronous, for the repositories that write ledger rows with their own changes. */
  append(entry: NewPaymentEntry, now: Date): PaymentEntry {
    const row: PaymentEntry = {
      ...copy(entry),
      id: this.ids.next(),
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
    if (row.gatewayRef !== null && this.rows.some((r) => r.gatewayRef === row.gatewayRef)) {
      // As payments_gateway_ref_unique refuses it.
      throw new Error(`a ledger row with gateway_ref ${row.gatewayRef} exists`);
    }
    this.rows.push(row);
    return copy(row);
  }

  /** Copies of the rows that `keep` selects, oldest first (by id). */
  rowsWhere(keep: (row: PaymentEntry) => boolean): PaymentEntry[] {
    return this.rows.filter(keep).map(copy);
  }

  async insert(entry: NewPaymentEntry, now: Date): Promise<PaymentEntry> {
    return this.append(entry, now);
  }

  async findById(id: Id): Promise<PaymentEntry | null> {
    const row = this.rows.find((r) => r.id === id);
    return row ? copy(row) : null;
  }

  async findByGatewayRef(gatewayRef: string): Promise<PaymentEntry | null> {
    const row = this.rows.find((r) => r.gatewayRef === gatewayRef);
    return row ? copy(row) : null;
  }

  lockByGatewayRef(gatewayRef: string): Promise<PaymentEntry | null> {
    return this.findByGatewayRef(gatewayRef);
  }

  async changeStatus(id: Id, from: readonly LedgerStatus[], to: LedgerStatus, now: Date): Promise<boolean> {
    const row = this.rows.find((r) => r.id === id);
    if (!row || !from.includes(row.status)) return false;
    row.status = to;
    row.updatedAt = new Date(now);
    return true;
  }

  async listForUser(userId: Id, request: PageRequest): Promise<Page<PaymentEntry>> {
    const rows = this.rows
      .filter((r) => r.userId === userId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    return pageOf(rows, request);
  }

  async listForOrder(orderId: Id): Promise<PaymentEntry[]> {
    return this.rowsWhere((r) => r.orderId === orderId);
  }

  async recordEvent(event: { id: string; type: string; createdAt: Date }): Promise<boolean> {
    if (this.events.has(event.id)) return false;
    this.events.set(event.id, event.type);
    return true;
  }
}
