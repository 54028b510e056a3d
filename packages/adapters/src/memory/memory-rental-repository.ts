import { actorLabelOf, insufficientStockError, LocalDate, rentalMovement } from '@giggatek/domain';
import type {
  AdminRentalFilter,
  ChangeActor,
  Id,
  NewPaymentEntry,
  NewRental,
  Page,
  PaymentEntry,
  Rental,
  RentalDetail,
  RentalListFilter,
  RentalProgress,
  RentalRecord,
  RentalRepository,
  RentalStatus,
  RentalStatusChange,
  RentalStatusChangeRequest,
  UserRepository,
} from '@giggatek/domain';
import type { MemoryPaymentLedger } from './memory-payment-ledger.js';
import { copy, IdSequence, pageOf } from './memory-store.js';
import type { MemoryStock } from './memory-stock.js';

/** Dates live as ISO text inside the maps (structuredClone keeps them), LocalDates as `YYYY-MM-DD`. */
interface StoredRental extends Omit<Rental, 'startDate' | 'endDate' | 'nextDueDate'> {
  startDate: string | null;
  endDate: string | null;
  nextDueDate: string | null;
}

/**
 * Rentals in memory. Each write runs without an `await` between its check and its change,
 * so it is as atomic as the SQL adapter's transactions; `lockDetail` needs no lock because
 * the memory unit of work runs one unit at a time.
 */
export class MemoryRentalRepository implements RentalRepository {
  private readonly rentals = new Map<Id, StoredRental>();
  private readonly history: RentalStatusChange[] = [];
  private readonly rentalIds = new IdSequence();
  private readonly historyIds = new IdSequence();

  /**
   * `stock`: the MemoryProductRepository; `users` only to filter by customer email;
   * `payments`: the ledger shared with the orders.
   */
  constructor(
    private readonly stock: MemoryStock,
    private readonly payments: MemoryPaymentLedger,
    private readonly users?: UserRepository,
  ) {}

  async createTakingStock(rental: NewRental): Promise<Rental> {
    const id = this.rentalIds.next();
    const out = rentalMovement(id, rental.productId, 'rental_out', { actor: rental.actor, now: rental.createdAt });
    const short = this.stock.take([out]);
    if (short.length > 0) {
      throw insufficientStockError(
        short.map(({ productId, requested, available }) => ({
          productId,
          productName: rental.productName,
          requested,
          available,
        })),
      );
    }
    const { actor, ...fields } = rental;
    const row: StoredRental = {
      ...copy(fields),
      id,
      currency: 'usd',
      startDate: null,
      endDate: null,
      installmentsPaid: 0,
      nextDueDate: null,
      contractSignedAt: null,
      signature: null,
      signatureIp: null,
      ownershipTransferredAt: null,
      returnedAt: null,
      receivedAt: null,
      defaultedAt: null,
      createdAt: new Date(rental.createdAt),
      updatedAt: new Date(rental.createdAt),
    };
    this.rentals.set(id, row);
    this.addHistory(id, null, 'pending', actor, null, rental.createdAt);
    return toRental(row);
  }

  async findDetail(id: Id): Promise<RentalDetail | null> {
    const row = this.rentals.get(id);
    if (!row) return null;
    return { ...this.record(row), statusHistory: this.history.filter((h) => h.rentalId === id).map(copy) };
  }

  lockDetail(id: Id): Promise<RentalDetail | null> {
    return this.findDetail(id);
  }

  async listForUser(userId: Id, filter: RentalListFilter): Promise<Page<RentalRecord>> {
    return this.page(filter, (row) => row.userId === userId && (!filter.status || row.status === filter.status));
  }

  async listAll(filter: AdminRentalFilter): Promise<Page<RentalRecord>> {
    let customerId: Id | null | undefined;
    if (filter.customerEmail !== undefined) {
      if (!this.users) throw new Error('MemoryRentalRepository needs the user repository to filter by customer email');
      customerId = (await this.users.findCredentialsByEmail(filter.customerEmail.trim()))?.id ?? null;
    }
    const overdueOn = filter.overdueOn?.toString();
    return this.page(
      filter,
      (row) =>
        (!filter.status || row.status === filter.status) &&
        (customerId === undefined || row.userId === customerId) &&
        (overdueOn === undefined ||
          ((row.status === 'active' || row.status === 'defaulted') &&
            row.nextDueDate !== null &&
            row.nextDueDate < overdueOn)),
    );
  }

  async changeStatus(id: Id, change: RentalStatusChangeRequest): Promise<boolean> {
    const row = this.rentals.get(id);
    if (!row || row.status !== change.from) return false;
    const facts = change.facts ?? {};
    const dateText = (value: LocalDate | null | undefined): string | null | undefined =>
      value === undefined ? undefined : value === null ? null : value.toString();
    const updates: Partial<StoredRental> = {
      status: change.to,
      updatedAt: new Date(change.now),
      ...defined({
        startDate: dateText(facts.startDate),
        endDate: dateText(facts.endDate),
        nextDueDate: dateText(facts.nextDueDate),
        contractSignedAt: facts.contractSignedAt && new Date(facts.contractSignedAt),
        signature: facts.signature,
        signatureIp: facts.signatureIp,
        ownershipTransferredAt: facts.ownershipTransferredAt && new Date(facts.ownershipTransferredAt),
        returnedAt: facts.returnedAt && new Date(facts.returnedAt),
        defaultedAt: facts.defaultedAt === null ? null : facts.defaultedAt && new Date(facts.defaultedAt),
      }),
    };
    Object.assign(row, updates);
    this.addHistory(id, change.from, change.to, change.actor, change.note, change.now);
    if (change.restock) {
      this.stock.putBack([rentalMovement(id, row.productId, 'rental_back', { actor: change.actor, now: change.now })]);
    }
    return true;
  }

  async recordPayment(
    id: Id,
    entry: NewPaymentEntry,
    progress: RentalProgress | null,
    now: Date,
  ): Promise<PaymentEntry> {
    const row = this.rentals.get(id);
    if (!row) throw new Error(`rental ${id} is gone`);
    if (entry.rentalId !== id)
      throw new Error(`a payment of rental ${String(entry.rentalId)} recorded on rental ${id}`);
    const payment = this.payments.append(entry, now);
    if (progress) moveOn(row, progress, now);
    return payment;
  }

  async recordProgress(id: Id, progress: RentalProgress, now: Date): Promise<void> {
    const row = this.rentals.get(id);
    if (!row) throw new Error(`rental ${id} is gone`);
    moveOn(row, progress, now);
  }

  async markReceived(id: Id, change: { actor: ChangeActor; note: string | null; now: Date }): Promise<boolean> {
    const row = this.rentals.get(id);
    if (!row || row.status !== 'returned' || row.receivedAt !== null) return false;
    row.receivedAt = new Date(change.now);
    row.updatedAt = new Date(change.now);
    this.addHistory(
      id,
      'returned',
      'returned',
      change.actor,
      change.note ?? 'unit received back into stock',
      change.now,
    );
    this.stock.putBack([
      rentalMovement(id, row.productId, 'rental_back', { actor: change.actor, now: change.now, note: change.note }),
    ]);
    return true;
  }

  async addNote(id: Id, change: { actor: ChangeActor; note: string; now: Date }): Promise<void> {
    const row = this.rentals.get(id);
    if (!row) return;
    this.addHistory(id, row.status, row.status, change.actor, change.note, change.now);
  }

  private record(row: StoredRental): RentalRecord {
    return { ...toRental(row), payments: this.payments.rowsWhere((p) => p.rentalId === row.id) };
  }

  /** Newest first, ties by id, as the SQL adapter sorts. */
  private page(request: { page: number; perPage: number }, keep: (row: StoredRental) => boolean): Page<RentalRecord> {
    const rows = [...this.rentals.values()]
      .filter(keep)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    const page = pageOf(rows, request);
    return { ...page, items: page.items.map((row) => this.record(row)) };
  }

  private addHistory(
    rentalId: Id,
    fromStatus: RentalStatus | null,
    toStatus: RentalStatus,
    actor: ChangeActor,
    note: string | null,
    at: Date,
  ): void {
    this.history.push({
      id: this.historyIds.next(),
      rentalId,
      fromStatus,
      toStatus,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabelOf(actor),
      note,
      createdAt: new Date(at),
    });
  }
}

function toRental(row: StoredRental): Rental {
  const stored = copy(row);
  return {
    ...stored,
    startDate: stored.startDate === null ? null : LocalDate.parse(stored.startDate),
    endDate: stored.endDate === null ? null : LocalDate.parse(stored.endDate),
    nextDueDate: stored.nextDueDate === null ? null : LocalDate.parse(stored.nextDueDate),
  };
}

/** A success's progress: the counters of the rental row. */
function moveOn(row: StoredRental, progress: RentalProgress, now: Date): void {
  row.installmentsPaid = progress.installmentsPaid;
  row.nextDueDate = progress.nextDueDate?.toString() ?? null;
  row.updatedAt = new Date(now);
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
