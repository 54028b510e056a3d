import type { Knex } from 'knex';
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
  RentalStatusChangeRequest,
} from '@giggatek/domain';

// SKELETON: being written (rentals issue); every method throws until then.
export class SqlRentalRepository implements RentalRepository {
  constructor(private readonly knex: Knex) {}
  createTakingStock(_rental: NewRental): Promise<Rental> {
    throw new Error('not yet');
  }
  findDetail(_id: Id): Promise<RentalDetail | null> {
    throw new Error('not yet');
  }
  lockDetail(_id: Id): Promise<RentalDetail | null> {
    throw new Error('not yet');
  }
  listForUser(_userId: Id, _filter: RentalListFilter): Promise<Page<RentalRecord>> {
    throw new Error('not yet');
  }
  listAll(_filter: AdminRentalFilter): Promise<Page<RentalRecord>> {
    throw new Error('not yet');
  }
  changeStatus(_id: Id, _change: RentalStatusChangeRequest): Promise<boolean> {
    throw new Error('not yet');
  }
  recordPayment(_id: Id, _entry: NewPaymentEntry, _progress: RentalProgress | null, _now: Date): Promise<PaymentEntry> {
    throw new Error('not yet');
  }
  markReceived(_id: Id, _change: { actor: ChangeActor; note: string | null; now: Date }): Promise<boolean> {
    throw new Error('not yet');
  }
  addNote(_id: Id, _change: { actor: ChangeActor; note: string; now: Date }): Promise<void> {
    throw new Error('not yet');
  }
}
