import {
  MemoryAddressRepository,
  MemoryPaymentLedger,
  MemoryProductRepository,
  MemoryRentalRepository,
  MemorySettingsRepository,
  MemoryUnitOfWork,
  MemoryUserRepository,
} from '../../../src/memory/index.js';
import { OfflinePaymentGateway } from '../../../src/stripe/index.js';
import { cents, FixedClock, RentingService, StoreSettings } from '@giggatek/domain';
import type {
  Actor,
  ChargeOutcome,
  Id,
  OffSessionCharge,
  Product,
  ProductData,
  RentingDeps,
  Role,
  StockMovement,
} from '@giggatek/domain';

/** The offline gateway, with every off-session charge it was asked for (keys, amounts, methods). */
export class RecordingGateway extends OfflinePaymentGateway {
  readonly charges: OffSessionCharge[] = [];

  override chargeOffSession(charge: OffSessionCharge): Promise<ChargeOutcome> {
    this.charges.push(charge);
    return super.chargeOffSession(charge);
  }
}

/** The price of the harness's rentable product: $1,200.00, so the 12-month rate is a round $115.00. */
export const PRICE = cents(120_000);
export const RATE_12 = cents(11_500);
export const PAY = 'pm_test_visa';
export const DECLINE = 'pm_fail_card';
export const AUTHENTICATE = 'pm_3ds_card';

/** A RentingService over the memory adapters and the offline gateway, with handles on each part. */
export function rentingHarness(overrides: Partial<RentingDeps> = {}) {
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const users = new MemoryUserRepository();
  const products = new MemoryProductRepository();
  const addresses = new MemoryAddressRepository();
  const payments = new MemoryPaymentLedger();
  const rentals = new MemoryRentalRepository(products, payments, users);
  const settingsRepository = new MemorySettingsRepository();
  const settings = new StoreSettings(settingsRepository);
  const gateway = new RecordingGateway();
  const unitOfWork = new MemoryUnitOfWork([users, products, addresses, rentals, payments, settingsRepository]);
  const deps: RentingDeps = { rentals, products, addresses, users, settings, gateway, unitOfWork, clock, ...overrides };
  const service = new RentingService(deps);
  let people = 0;
  let productCount = 0;

  /** A user with one address; returns the actor and the address id. */
  const person = async (role: Role = 'customer') => {
    people += 1;
    const name = `${role}${people}`;
    const user = await users.create({
      email: `${name}@example.com`,
      passwordHash: 'x',
      firstName: name,
      lastName: 'Test',
      phone: null,
      role,
      createdAt: clock.now(),
    });
    const address = await addresses.create(
      user.id,
      {
        label: null,
        recipientName: `${name} Test`,
        line1: '1 Main St',
        line2: null,
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
        country: 'US',
        phone: null,
        isDefault: true,
      },
      clock.now(),
    );
    const actor: Actor = { userId: user.id, role };
    return { actor, addressId: address.id, user };
  };

  /** A rentable product priced PRICE with 3 units, unless told otherwise. */
  const product = async (fields: Partial<ProductData> = {}): Promise<Product> => {
    productCount += 1;
    return products.create(
      {
        name: `Laptop ${productCount}`,
        description: '',
        category: 'Laptops',
        brand: 'Lenovo',
        condition: 'Refurbished',
        specifications: {},
        imageUrls: [],
        price: PRICE,
        rentalRates: {},
        rentable: true,
        stock: 3,
        isFeatured: false,
        status: 'active',
        slug: `laptop-${productCount}`,
        ...fields,
      },
      clock.now(),
    );
  };

  const stockOf = async (id: Id): Promise<number | undefined> => (await products.findById(id))?.stock;

  /** The product's stock movements of rentals (not its initial stock), oldest first. */
  const movementsOf = async (id: Id): Promise<StockMovement[]> =>
    (await products.listStockMovements(id, { page: 1, perPage: 100 })).items
      .filter((movement) => movement.rentalId !== null)
      .reverse();

  /** A customer with a pending rental of a fresh product (12 months unless told otherwise). */
  const pendingRental = async (totalMonths = 12, fields: Partial<ProductData> = {}) => {
    const customer = await person();
    const item = await product(fields);
    const view = await service.createRental(customer.actor, {
      productId: item.id,
      totalMonths,
      addressId: customer.addressId,
    });
    return { ...customer, product: item, rental: view.rental };
  };

  /** The same, signed today: installment 1 is due today. */
  const activeRental = async (totalMonths = 12, fields: Partial<ProductData> = {}) => {
    const pending = await pendingRental(totalMonths, fields);
    const view = await service.signContract(pending.actor, pending.rental.id, { signature: 'Ada Test', ip: null });
    return { ...pending, rental: view.rental };
  };

  return {
    deps,
    clock,
    users,
    products,
    addresses,
    rentals,
    settingsRepository,
    settings,
    gateway,
    unitOfWork,
    service,
    person,
    product,
    stockOf,
    movementsOf,
    pendingRental,
    activeRental,
  };
}

export type RentingHarness = ReturnType<typeof rentingHarness>;
