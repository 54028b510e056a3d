import type { AddressRepository } from '../addresses/ports.js';
import { snapshotOf } from '../addresses/address.js';
import type { ProductRepository } from '../catalog/ports.js';
import type { Product } from '../catalog/product.js';
import type { UserRepository } from '../identity/ports.js';
import { assertCan, can } from '../identity/permissions.js';
import type { Actor, User } from '../identity/user.js';
import { changeActorOf } from '../ordering/order-status.js';
import type { PaymentEntry } from '../payments/payment.js';
import type { PaymentGateway } from '../payments/payment-gateway.js';
import type { StoreSettings } from '../settings/store-settings.js';
import type { Clock } from '../shared/clock.js';
import { DomainError, notFound, ValidationError } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import type { LocalDate } from '../shared/local-date.js';
import { formatMoney } from '../shared/money-format.js';
import { cents } from '../shared/money.js';
import type { Page } from '../shared/page.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { AdminRentalFilter, NewRental, RentalListFilter, RentalRepository } from './ports.js';
import { dayOf, rentalAccount, type RentalAccount } from './rental-account.js';
import type { BuyoutQuote } from './rental-buyout.js';
import { chargeRental, installmentCharge } from './rental-charges.js';
import { completeRental } from './rental-completion.js';
import { policyLimitProblems, type RentalPolicy } from './rental-policy.js';
import { quoteTerm, rentalQuotes, type RentalQuote } from './rental-quote.js';
import {
  validatePaymentMethodId,
  validateRentalFilter,
  validateRentalNote,
  validateSignature,
} from './rental-rules.js';
import { installmentDueDate, lateFeeFor } from './rental-schedule.js';
import { assertRentalTransition } from './rental-status.js';
import type { RentalDetail, RentalRecord, RentalStatus } from './rental.js';
import { RentalStaffActions, type StaffRentalUpdate } from './rental-staff-actions.js';

export interface RentingDeps {
  rentals: RentalRepository;
  products: ProductRepository;
  addresses: AddressRepository;
  users: UserRepository;
  settings: StoreSettings;
  gateway: PaymentGateway;
  unitOfWork: UnitOfWork;
  clock: Clock;
}

export interface CreateRentalInput {
  productId: Id;
  totalMonths: number;
  addressId: Id;
}

/** A rental with its figures on one day. */
export interface RentalView {
  rental: RentalDetail;
  account: RentalAccount;
  asOf: LocalDate;
}

export interface RentalSummary {
  rental: RentalRecord;
  account: RentalAccount;
}

export interface RentalPaymentResult {
  payment: PaymentEntry;
  view: RentalView;
}

/** What the contract document shows: the rental, its figures on the day, and the parties. */
export interface RentalContract extends RentalView {
  customer: Pick<User, 'firstName' | 'lastName' | 'email'>;
}

/** What a payment receipt shows: the payment and the rental's figures right after it, on its day. */
export interface RentalPaymentReceipt {
  payment: PaymentEntry;
  rental: RentalDetail;
  /** The account with the ledger as it stood once this payment was recorded. */
  after: RentalAccount;
  customer: Pick<User, 'firstName' | 'lastName' | 'email'>;
}

/** Rent-to-own use cases of SPEC §5. */
export interface RentingUseCases {
  /** The quotes of a product under the stored policy (none when the policy is outside the limits). */
  quotesFor(product: Product): Promise<RentalQuote[]>;
  createRental(actor: Actor, input: CreateRentalInput): Promise<RentalView>;
  getRental(actor: Actor, id: Id): Promise<RentalView>;
  listRentals(actor: Actor, filter: RentalListFilter): Promise<Page<RentalSummary>>;
  signContract(actor: Actor, id: Id, input: { signature: string; ip: string | null }): Promise<RentalView>;
  makePayment(actor: Actor, id: Id, input: { paymentMethodId: string }): Promise<RentalPaymentResult>;
  buyoutAmount(actor: Actor, id: Id): Promise<BuyoutQuote>;
  processBuyout(actor: Actor, id: Id, input: { paymentMethodId: string; amount: number }): Promise<RentalPaymentResult>;
  cancelRental(actor: Actor, id: Id, note?: string | null): Promise<RentalView>;
  returnRental(actor: Actor, id: Id, note?: string | null): Promise<RentalView>;
  contract(actor: Actor, id: Id): Promise<RentalContract>;
  paymentReceipt(actor: Actor, id: Id, paymentId: Id): Promise<RentalPaymentReceipt>;
  /** Staff (rentals:manage). */
  listAllRentals(actor: Actor, filter: AdminRentalFilter & { overdue?: boolean }): Promise<Page<RentalSummary>>;
  updateRental(actor: Actor, id: Id, update: StaffRentalUpdate): Promise<RentalView>;
}

/** SPEC §5 rent-to-own. Every write runs in one unit of work with the rental locked. */
export class RentingService implements RentingUseCases {
  private readonly staff: RentalStaffActions;

  constructor(private readonly deps: RentingDeps) {
    this.staff = new RentalStaffActions(deps, (id) => this.lockedOrFail(id));
  }

  async quotesFor(product: Product): Promise<RentalQuote[]> {
    const policy = await this.deps.settings.get('rental_policy');
    return policyLimitProblems(policy, 'rental_policy').length > 0 ? [] : rentalQuotes(product, policy);
  }

  async createRental(actor: Actor, input: CreateRentalInput): Promise<RentalView> {
    const policy = await this.policyWithinLimits();
    const address = await this.deps.addresses.findForUser(actor.userId, input.addressId);
    if (!address) throw notFound('address');
    const product = await this.deps.products.findById(input.productId);
    if (!product) throw notFound('product');
    if (product.status !== 'active' || !product.rentable) {
      throw new DomainError('conflict', `product ${product.id} is not available for rent`);
    }
    const quoted = quoteTerm(product, input.totalMonths, policy);
    if ('refusal' in quoted) throw new ValidationError([{ field: 'totalMonths', message: quoted.refusal }]);
    const { quote } = quoted;
    const newRental: NewRental = {
      status: 'pending',
      userId: actor.userId,
      productId: product.id,
      productName: product.name,
      productCondition: product.condition,
      deliveryAddress: snapshotOf(address),
      cashPrice: product.price,
      totalMonths: quote.termMonths,
      monthlyRate: quote.monthlyRate,
      totalAmount: quote.totalAmount,
      graceDays: policy.graceDays,
      lateFeeBp: policy.lateFeeBp,
      lateFeeCap: cents(policy.lateFeeCap),
      lateFee: lateFeeFor(quote.monthlyRate, policy),
      sameAsCashDays: policy.sameAsCashDays,
      defaultAfterDays: policy.defaultAfterDays,
      createdAt: this.deps.clock.now(),
      actor: changeActorOf(actor),
    };
    const created = await this.deps.unitOfWork.run(() => this.deps.rentals.createTakingStock(newRental));
    return this.view(created.id);
  }

  async getRental(actor: Actor, id: Id): Promise<RentalView> {
    const rental = await this.deps.rentals.findDetail(id);
    return this.viewOf(this.visibleTo(actor, rental));
  }

  async listRentals(actor: Actor, filter: RentalListFilter): Promise<Page<RentalSummary>> {
    validateRentalFilter(filter);
    return this.summaries(await this.deps.rentals.listForUser(actor.userId, filter));
  }

  async signContract(actor: Actor, id: Id, input: { signature: string; ip: string | null }): Promise<RentalView> {
    const signature = validateSignature(input.signature);
    await this.deps.unitOfWork.run(async () => {
      const rental = this.ownedBy(actor, await this.deps.rentals.lockDetail(id));
      if (rental.status !== 'pending') {
        throw new DomainError(
          'invalid_transition',
          rental.contractSignedAt ? 'the contract is already signed' : `a ${rental.status} rental cannot be signed`,
        );
      }
      const now = this.deps.clock.now();
      const startDate = dayOf(now);
      await this.change(id, {
        from: 'pending',
        to: 'active',
        actor: changeActorOf(actor),
        note: null,
        now,
        facts: {
          startDate,
          endDate: installmentDueDate(startDate, rental.totalMonths),
          nextDueDate: startDate,
          contractSignedAt: now,
          signature,
          signatureIp: input.ip,
        },
      });
    });
    return this.view(id);
  }

  async makePayment(actor: Actor, id: Id, input: { paymentMethodId: string }): Promise<RentalPaymentResult> {
    const paymentMethodId = validatePaymentMethodId(input.paymentMethodId);
    return this.deps.unitOfWork.run(async () => {
      const rental = this.ownedBy(actor, await this.deps.rentals.lockDetail(id));
      this.requireStatus(rental, 'active', 'only an active rental takes payments');
      const now = this.deps.clock.now();
      const next = rentalAccount(rental, rental.payments, dayOf(now)).nextInstallment;
      if (!next) throw new DomainError('conflict', 'every installment of this rental is paid');
      const payment = await chargeRental(this.deps, rental, installmentCharge(rental, next, paymentMethodId), now);
      if (next.installmentNo === rental.totalMonths)
        await this.complete(rental, actor, now, 'the last installment was paid');
      return { payment, view: await this.view(id) };
    });
  }

  async buyoutAmount(actor: Actor, id: Id): Promise<BuyoutQuote> {
    const rental = this.ownedBy(actor, await this.deps.rentals.findDetail(id));
    return this.buyoutOf(rental, dayOf(this.deps.clock.now()));
  }

  async processBuyout(
    actor: Actor,
    id: Id,
    input: { paymentMethodId: string; amount: number },
  ): Promise<RentalPaymentResult> {
    const paymentMethodId = validatePaymentMethodId(input.paymentMethodId);
    return this.deps.unitOfWork.run(async () => {
      const rental = this.ownedBy(actor, await this.deps.rentals.lockDetail(id));
      const now = this.deps.clock.now();
      const quote = this.buyoutOf(rental, dayOf(now));
      if (input.amount !== quote.amount) {
        throw new DomainError(
          'amount_changed',
          `the buyout amount is now ${formatMoney(quote.amount)}, not ${formatMoney(input.amount)}; confirm the new amount`,
          undefined,
          { buyoutAmount: quote.amount, currency: 'usd', validOn: quote.on.toString() },
        );
      }
      const payment = await chargeRental(
        this.deps,
        rental,
        {
          kind: 'buyout',
          installmentNo: null,
          amount: quote.amount,
          lateFee: quote.lateFees,
          paymentMethodId,
          progress: { installmentsPaid: rental.installmentsPaid, nextDueDate: null },
        },
        now,
      );
      await this.complete(rental, actor, now, 'bought out (early purchase option)');
      return { payment, view: await this.view(id) };
    });
  }

  async cancelRental(actor: Actor, id: Id, note: string | null = null): Promise<RentalView> {
    const text = validateRentalNote(note);
    await this.deps.unitOfWork.run(async () => {
      const rental = this.visibleTo(actor, await this.deps.rentals.lockDetail(id));
      assertRentalTransition(rental.status, 'cancelled', changeActorOf(actor));
      await this.change(id, {
        from: rental.status,
        to: 'cancelled',
        actor: changeActorOf(actor),
        note: text,
        now: this.deps.clock.now(),
        restock: true,
      });
    });
    return this.view(id);
  }

  async returnRental(actor: Actor, id: Id, note: string | null = null): Promise<RentalView> {
    const text = validateRentalNote(note);
    await this.deps.unitOfWork.run(async () => {
      const rental = this.visibleTo(actor, await this.deps.rentals.lockDetail(id));
      assertRentalTransition(rental.status, 'returned', changeActorOf(actor));
      const now = this.deps.clock.now();
      await this.change(id, {
        from: rental.status,
        to: 'returned',
        actor: changeActorOf(actor),
        note: text,
        now,
        facts: { returnedAt: now, nextDueDate: null },
      });
    });
    return this.view(id);
  }

  async contract(actor: Actor, id: Id): Promise<RentalContract> {
    const view = await this.getRental(actor, id);
    return { ...view, customer: await this.customerOf(view.rental) };
  }

  async paymentReceipt(actor: Actor, id: Id, paymentId: Id): Promise<RentalPaymentReceipt> {
    const rental = this.visibleTo(actor, await this.deps.rentals.findDetail(id));
    const payment = rental.payments.find((p) => p.id === paymentId);
    if (!payment) throw notFound('payment');
    if (payment.status !== 'succeeded') throw notFound('receipt (the payment did not succeed)');
    const upTo = rental.payments.filter((p) => p.id <= payment.id);
    // Payments are taken only while active: right after this one the rental was active,
    // unless this payment is the one that completed it.
    const last = rental.payments.filter((p) => p.status === 'succeeded').at(-1);
    const completedByThis = rental.status === 'completed' && last?.id === payment.id;
    const asThen: RentalDetail = { ...rental, status: completedByThis ? 'completed' : 'active' };
    const after = rentalAccount(asThen, upTo, dayOf(payment.createdAt));
    return { payment, rental, after, customer: await this.customerOf(rental) };
  }

  async listAllRentals(actor: Actor, filter: AdminRentalFilter & { overdue?: boolean }): Promise<Page<RentalSummary>> {
    assertCan(actor, 'rentals:manage');
    validateRentalFilter(filter);
    const { overdue, ...rest } = filter;
    const query: AdminRentalFilter = overdue ? { ...rest, overdueOn: dayOf(this.deps.clock.now()) } : rest;
    return this.summaries(await this.deps.rentals.listAll(query));
  }

  async updateRental(actor: Actor, id: Id, update: StaffRentalUpdate): Promise<RentalView> {
    assertCan(actor, 'rentals:manage');
    const checked: StaffRentalUpdate = {
      ...update,
      ...(update.note !== undefined && { note: validateRentalNote(update.note) }),
      ...(update.paymentMethodId !== undefined && { paymentMethodId: validatePaymentMethodId(update.paymentMethodId) }),
    };
    await this.deps.unitOfWork.run(() => this.staff.apply(actor, id, checked));
    return this.view(id);
  }

  /** The policy of new rentals: a stored policy outside the legal limits refuses them (400 naming the setting). */
  private async policyWithinLimits(): Promise<RentalPolicy> {
    const policy = await this.deps.settings.get('rental_policy');
    const problems = policyLimitProblems(policy, 'rental_policy');
    if (problems.length > 0) throw new ValidationError(problems);
    return policy;
  }

  private buyoutOf(rental: RentalRecord, day: LocalDate): BuyoutQuote {
    this.requireStatus(rental, 'active', 'only an active rental can be bought out');
    const quote = rentalAccount(rental, rental.payments, day).buyout;
    if (!quote) throw new DomainError('invalid_transition', 'only an active rental can be bought out');
    return quote;
  }

  private complete(rental: RentalRecord, actor: Actor, now: Date, note: string): Promise<void> {
    return completeRental(this.deps.rentals, rental.id, changeActorOf(actor), now, note);
  }

  /** A conditional change under the rental's lock: a miss means the store disagrees with what we read. */
  private async change(id: Id, change: Parameters<RentalRepository['changeStatus']>[1]): Promise<void> {
    if (!(await this.deps.rentals.changeStatus(id, change))) {
      throw new DomainError('conflict', 'the rental changed meanwhile; reload it and try again');
    }
  }

  private requireStatus(rental: RentalRecord, status: RentalStatus, message: string): void {
    if (rental.status !== status)
      throw new DomainError('invalid_transition', `${message} (this one is ${rental.status})`);
  }

  /** The owner only: another customer's rental, and a staff member acting as a customer, get 404. */
  private ownedBy<T extends RentalRecord>(actor: Actor, rental: T | null): T {
    if (!rental || rental.userId !== actor.userId) throw notFound('rental');
    return rental;
  }

  /** The owner, or staff. */
  private visibleTo<T extends RentalRecord>(actor: Actor, rental: T | null): T {
    if (!rental || (rental.userId !== actor.userId && !can(actor.role, 'rentals:manage'))) throw notFound('rental');
    return rental;
  }

  private async lockedOrFail(id: Id): Promise<RentalDetail> {
    const rental = await this.deps.rentals.lockDetail(id);
    if (!rental) throw notFound('rental');
    return rental;
  }

  private async customerOf(rental: RentalRecord): Promise<RentalContract['customer']> {
    const user = await this.deps.users.findById(rental.userId);
    if (!user) throw notFound('customer');
    return { firstName: user.firstName, lastName: user.lastName, email: user.email };
  }

  private async view(id: Id): Promise<RentalView> {
    const rental = await this.deps.rentals.findDetail(id);
    if (!rental) throw notFound('rental');
    return this.viewOf(rental);
  }

  private viewOf(rental: RentalDetail): RentalView {
    const asOf = dayOf(this.deps.clock.now());
    return { rental, account: rentalAccount(rental, rental.payments, asOf), asOf };
  }

  private summaries(page: Page<RentalRecord>): Page<RentalSummary> {
    const asOf = dayOf(this.deps.clock.now());
    return {
      ...page,
      items: page.items.map((rental) => ({ rental, account: rentalAccount(rental, rental.payments, asOf) })),
    };
  }
}
