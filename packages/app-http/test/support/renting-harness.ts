import {
  MemoryAddressRepository,
  MemoryPaymentLedger,
  MemoryProductRepository,
  MemoryRentalRepository,
  MemorySettingsRepository,
  MemoryUnitOfWork,
  MemoryUserRepository,
  OfflinePaymentGateway,
} from '@giggatek/adapters';
import { cents, FixedClock, RentingService, StoreSettings, type Actor, type ProductData } from '@giggatek/domain';

/** A RentingService over the memory adapters and the offline gateway, for documents built from real rentals. */
export function rentingHarness(start = '2026-01-31T15:00:00.000Z') {
  const clock = new FixedClock(start);
  const users = new MemoryUserRepository();
  const products = new MemoryProductRepository();
  const addresses = new MemoryAddressRepository();
  const settingsStore = new MemorySettingsRepository();
  const payments = new MemoryPaymentLedger();
  const rentals = new MemoryRentalRepository(products, payments, users);
  const settings = new StoreSettings(settingsStore);
  const unitOfWork = new MemoryUnitOfWork([users, products, addresses, settingsStore, rentals, payments]);
  const service = new RentingService({
    rentals,
    products,
    addresses,
    users,
    settings,
    gateway: new OfflinePaymentGateway(),
    unitOfWork,
    clock,
  });

  /** A customer with one delivery address. */
  const customer = async (firstName: string, lastName: string, email: string) => {
    const user = await users.create({
      email,
      passwordHash: 'x',
      firstName,
      lastName,
      phone: null,
      role: 'customer',
      createdAt: clock.now(),
    });
    const address = await addresses.create(
      user.id,
      {
        label: null,
        recipientName: `${firstName} ${lastName}`,
        line1: '12 Analytical Way',
        line2: 'Suite 3',
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
        country: 'US',
        phone: '555-0100',
        isDefault: true,
      },
      clock.now(),
    );
    const actor: Actor = { userId: user.id, role: 'customer' };
    return { actor, addressId: address.id };
  };

  const rentable = (name: string, price: number, overrides: Partial<ProductData> = {}) =>
    products.create(
      {
        name,
        description: '',
        category: 'Laptops',
        brand: 'Lenovo',
        condition: 'Refurbished',
        specifications: {},
        imageUrls: [],
        price: cents(price),
        rentalRates: {},
        rentable: true,
        stock: 5,
        isFeatured: false,
        status: 'active',
        slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        ...overrides,
      },
      clock.now(),
    );

  return { clock, settings, service, customer, rentable };
}
