import { cents, DEFAULT_RENTAL_POLICY, installmentDueDate, lateFeeFor, LocalDate, monthlyRate } from '@giggatek/domain';
import type {
  ChangeActor,
  Id,
  NewPaymentEntry,
  NewRental,
  Product,
  ProductRepository,
  RentalFacts,
  RentalRepository,
  UnitOfWork,
  UserRepository,
} from '@giggatek/domain';
import { customer, shippingSnapshot, t0 } from './order-fixtures.js';

/** The ports a rental contract needs around the rental repository. */
export interface RentalFixture {
  rentals: RentalRepository;
  products: ProductRepository;
  users: UserRepository;
  /** One transaction over every repository above. */
  unitOfWork: UnitOfWork;
  dispose(): Promise<void>;
}

export type MakeRentalFixture = () => Promise<RentalFixture>;

export function staff(userId: Id): ChangeActor {
  return { kind: 'user', userId, role: 'manager' };
}

/** A pending rental of one unit of `product` with the default policy's figures for `totalMonths`. */
export function newRental(
  userId: Id,
  product: Pick<Product, 'id' | 'name' | 'condition' | 'price'>,
  options: { totalMonths?: number; createdAt?: Date } = {},
): NewRental {
  const policy = DEFAULT_RENTAL_POLICY;
  const totalMonths = options.totalMonths ?? 12;
  const rate = monthlyRate(product.price, totalMonths, policy);
  return {
    status: 'pending',
    userId,
    productId: product.id,
    productName: product.name,
    productCondition: product.condition,
    deliveryAddress: shippingSnapshot,
    cashPrice: product.price,
    totalMonths,
    monthlyRate: rate,
    totalAmount: cents(rate * totalMonths),
    graceDays: policy.graceDays,
    lateFeeBp: policy.lateFeeBp,
    lateFeeCap: cents(policy.lateFeeCap),
    lateFee: lateFeeFor(rate, policy),
    sameAsCashDays: policy.sameAsCashDays,
    defaultAfterDays: policy.defaultAfterDays,
    createdAt: options.createdAt ?? t0,
    actor: customer(userId),
  };
}

/** The facts signing sets, as RentingService.signContract writes them. */
export function signingFacts(startDate: LocalDate, totalMonths: number, signedAt: Date): RentalFacts {
  return {
    startDate,
    endDate: installmentDueDate(startDate, totalMonths),
    nextDueDate: startDate,
    contractSignedAt: signedAt,
    signature: 'Ada Lovelace',
    signatureIp: '203.0.113.9',
  };
}

/** Moves a pending rental to active, signed on `startDate`. */
export async function sign(
  rentals: RentalRepository,
  rental: { id: Id; userId: Id; totalMonths: number },
  startDate: LocalDate,
  signedAt: Date = startDate.startInstant(),
): Promise<void> {
  const signed = await rentals.changeStatus(rental.id, {
    from: 'pending',
    to: 'active',
    actor: customer(rental.userId),
    note: null,
    now: signedAt,
    facts: signingFacts(startDate, rental.totalMonths, signedAt),
  });
  if (!signed) throw new Error(`rental ${rental.id} was not pending`);
}

let gatewayRefs = 0;

/** A ledger row of a rental; an installment unless told otherwise (gateway refs are unique in the ledger). */
export function rentalPayment(
  rental: { id: Id; userId: Id; monthlyRate: number },
  fields: Partial<NewPaymentEntry> = {},
): NewPaymentEntry {
  gatewayRefs += 1;
  return {
    userId: rental.userId,
    orderId: null,
    rentalId: rental.id,
    installmentNo: 1,
    kind: 'installment',
    amount: cents(rental.monthlyRate),
    lateFee: cents(0),
    currency: 'usd',
    status: 'succeeded',
    gateway: 'offline',
    gatewayRef: `pi_offline_${gatewayRefs}`,
    ...fields,
  };
}

export const day = (text: string): LocalDate => LocalDate.parse(text);

export { createProduct, createTestUser, customer, minutesAfter, shortageOf, stockOf, t0 } from './order-fixtures.js';
