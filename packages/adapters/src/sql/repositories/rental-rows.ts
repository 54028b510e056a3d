import { actorLabelOf, cents } from '@giggatek/domain';
import type {
  ChangeActor,
  LocalDate,
  NewRental,
  Rental,
  RentalFacts,
  RentalStatus,
  RentalStatusChange,
} from '@giggatek/domain';
import { toDate, toDateOrNull, toLocalDateOrNull, toNumber } from '../row-values.js';
import type { AddressSnapshotRow, DbDate, RentalRow, RentalStatusHistoryRow } from '../rows/index.js';
import { snapshotColumns, toSnapshot } from './address-snapshot-columns.js';

/** What an insert writes: every column but the generated id. */
type Insert<Row> = Omit<Row, 'id'>;

/** A new rental: pending, unsigned, nothing paid. */
export function rentalColumns(rental: NewRental): Insert<RentalRow> {
  return {
    user_id: rental.userId,
    product_id: rental.productId,
    product_name: rental.productName,
    product_condition: rental.productCondition,
    status: rental.status,
    currency: 'usd',
    cash_price: rental.cashPrice,
    total_months: rental.totalMonths,
    monthly_rate: rental.monthlyRate,
    total_amount: rental.totalAmount,
    grace_days: rental.graceDays,
    late_fee_bp: rental.lateFeeBp,
    late_fee_cap: rental.lateFeeCap,
    late_fee: rental.lateFee,
    same_as_cash_days: rental.sameAsCashDays,
    default_after_days: rental.defaultAfterDays,
    ...deliveryColumns(snapshotColumns(rental.deliveryAddress)),
    start_date: null,
    end_date: null,
    installments_paid: 0,
    next_due_date: null,
    contract_signed_at: null,
    signature: null,
    signature_ip: null,
    ownership_transferred_at: null,
    returned_at: null,
    received_at: null,
    defaulted_at: null,
    created_at: rental.createdAt,
    updated_at: rental.createdAt,
  };
}

/** The columns a transition sets: only the facts it names (undefined leaves a column alone, null clears it). */
export function factsColumns(facts: RentalFacts): Partial<Insert<RentalRow>> {
  const columns: Partial<Insert<RentalRow>> = {};
  if (facts.startDate !== undefined) columns.start_date = dateColumn(facts.startDate);
  if (facts.endDate !== undefined) columns.end_date = dateColumn(facts.endDate);
  if (facts.nextDueDate !== undefined) columns.next_due_date = dateColumn(facts.nextDueDate);
  if (facts.contractSignedAt !== undefined) columns.contract_signed_at = facts.contractSignedAt;
  if (facts.signature !== undefined) columns.signature = facts.signature;
  if (facts.signatureIp !== undefined) columns.signature_ip = facts.signatureIp;
  if (facts.ownershipTransferredAt !== undefined) columns.ownership_transferred_at = facts.ownershipTransferredAt;
  if (facts.returnedAt !== undefined) columns.returned_at = facts.returnedAt;
  if (facts.defaultedAt !== undefined) columns.defaulted_at = facts.defaultedAt;
  return columns;
}

/** A LocalDate as its DATE column holds it (`YYYY-MM-DD`, no time zone involved). */
export function dateColumn(date: LocalDate | null): DbDate | null {
  return date === null ? null : date.toString();
}

export function rentalHistoryColumns(
  rentalId: number,
  change: { from: RentalStatus | null; to: RentalStatus; actor: ChangeActor; note: string | null; now: Date },
): Insert<RentalStatusHistoryRow> {
  return {
    rental_id: rentalId,
    from_status: change.from,
    to_status: change.to,
    actor_user_id: change.actor.kind === 'user' ? change.actor.userId : null,
    actor_label: actorLabelOf(change.actor),
    note: change.note,
    created_at: change.now,
  };
}

export function toRental(row: RentalRow): Rental {
  return {
    id: row.id,
    userId: row.user_id,
    productId: row.product_id,
    productName: row.product_name,
    productCondition: row.product_condition,
    status: row.status,
    currency: 'usd',
    cashPrice: cents(toNumber(row.cash_price)),
    totalMonths: row.total_months,
    monthlyRate: cents(toNumber(row.monthly_rate)),
    totalAmount: cents(toNumber(row.total_amount)),
    graceDays: row.grace_days,
    lateFeeBp: row.late_fee_bp,
    lateFeeCap: cents(toNumber(row.late_fee_cap)),
    lateFee: cents(toNumber(row.late_fee)),
    sameAsCashDays: row.same_as_cash_days,
    defaultAfterDays: row.default_after_days,
    deliveryAddress: toSnapshot(deliveryOf(row)),
    startDate: toLocalDateOrNull(row.start_date),
    endDate: toLocalDateOrNull(row.end_date),
    installmentsPaid: row.installments_paid,
    nextDueDate: toLocalDateOrNull(row.next_due_date),
    contractSignedAt: toDateOrNull(row.contract_signed_at),
    signature: row.signature,
    signatureIp: row.signature_ip,
    ownershipTransferredAt: toDateOrNull(row.ownership_transferred_at),
    returnedAt: toDateOrNull(row.returned_at),
    receivedAt: toDateOrNull(row.received_at),
    defaultedAt: toDateOrNull(row.defaulted_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function toRentalStatusChange(row: RentalStatusHistoryRow): RentalStatusChange {
  return {
    id: row.id,
    rentalId: row.rental_id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    note: row.note,
    createdAt: toDate(row.created_at),
  };
}

function deliveryColumns(s: AddressSnapshotRow): Pick<RentalRow, `delivery_${keyof AddressSnapshotRow}`> {
  return {
    delivery_recipient_name: s.recipient_name,
    delivery_line1: s.line1,
    delivery_line2: s.line2,
    delivery_city: s.city,
    delivery_state: s.state,
    delivery_postal_code: s.postal_code,
    delivery_country: s.country,
    delivery_phone: s.phone,
  };
}

function deliveryOf(row: RentalRow): AddressSnapshotRow {
  return {
    recipient_name: row.delivery_recipient_name,
    line1: row.delivery_line1,
    line2: row.delivery_line2,
    city: row.delivery_city,
    state: row.delivery_state,
    postal_code: row.delivery_postal_code,
    country: row.delivery_country,
    phone: row.delivery_phone,
  };
}
