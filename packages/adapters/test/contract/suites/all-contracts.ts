import type { ContractFixture, Engine } from './fixture.js';
import { describeAddressRepositoryContract } from './address-repository.contract.js';
import { describeOneTimeTokenRepositoryContract } from './one-time-token-repository.contract.js';
import { describeProductRepositoryContract } from './product-repository.contract.js';
import { describeSessionRepositoryContract } from './session-repository.contract.js';
import { describeUserRepositoryContract } from './user-repository.contract.js';
import { describeOrderRepositoryContract } from './order-repository.contract.js';
import { describeSettingsRepositoryContract } from './settings-repository.contract.js';
import { describeIdempotencyStoreContract } from './idempotency-store.contract.js';
import { describeHousekeepingContracts } from './housekeeping.contract.js';
import { describeIdempotentWorkContract } from './idempotent-work.contract.js';
import { describeRecordedRefusalWorkContract } from './recorded-refusal-work.contract.js';
import { describeStockLedgerContract } from './stock-ledger.contract.js';
import { describeRentalRepositoryContract } from './rental-repository.contract.js';
import { describePaymentLedgerContract } from './payment-ledger.contract.js';

/** Runs every port's contract against one engine; each test gets a fresh, empty store. */
export function describeAllContracts(
  name: string,
  makeEngine: () => Promise<Engine>,
  options: { canMarkReferenced?: boolean } = {},
): void {
  const fixtureOf =
    <K extends keyof Omit<Engine, 'markReferenced' | 'dispose' | 'idempotencyPurger' | 'unitOfWork'>>(port: K) =>
    async (): Promise<ContractFixture<Engine[K]>> => {
      const engine = await makeEngine();
      return { repo: engine[port], users: engine.users, dispose: () => engine.dispose() };
    };

  describeUserRepositoryContract(name, fixtureOf('users'));
  describeSessionRepositoryContract(name, fixtureOf('sessions'));
  describeOneTimeTokenRepositoryContract(name, fixtureOf('oneTimeTokens'));
  describeAddressRepositoryContract(name, fixtureOf('addresses'));
  describeProductRepositoryContract(
    name,
    async () => {
      const engine = await makeEngine();
      return {
        repo: engine.products,
        users: engine.users,
        ...(engine.markReferenced ? { markReferenced: engine.markReferenced } : {}),
        dispose: () => engine.dispose(),
      };
    },
    options,
  );
  const orderFixture = async () => {
    const engine = await makeEngine();
    return { orders: engine.orders, products: engine.products, users: engine.users, dispose: () => engine.dispose() };
  };
  describeOrderRepositoryContract(name, orderFixture);
  describeStockLedgerContract(name, orderFixture);
  describeRentalRepositoryContract(name, async () => {
    const engine = await makeEngine();
    const { rentals, products, users, unitOfWork } = engine;
    return { rentals, products, users, unitOfWork, dispose: () => engine.dispose() };
  });
  describePaymentLedgerContract(name, async () => {
    const engine = await makeEngine();
    const { payments, orders, products, users, unitOfWork } = engine;
    return { payments, orders, products, users, unitOfWork, dispose: () => engine.dispose() };
  });
  describeSettingsRepositoryContract(name, fixtureOf('settings'));
  describeIdempotencyStoreContract(name, fixtureOf('idempotency'));
  describeHousekeepingContracts(name, makeEngine);
  describeIdempotentWorkContract(name, makeEngine);
  describeRecordedRefusalWorkContract(name, makeEngine);
}
