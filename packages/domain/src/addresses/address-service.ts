import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import type { Actor } from '../identity/user.js';
import { snapshotOf, type Address, type AddressInput } from './address.js';
import { validateAddressInput } from './address-rules.js';
import type { AddressRepository } from './ports.js';

export interface AddressDeps {
  addresses: AddressRepository;
  clock: Clock;
}

export interface AddressUseCases {
  list(actor: Actor): Promise<Address[]>;
  /** 404 (not_found) when it is not the actor's. */
  get(actor: Actor, id: Id): Promise<Address>;
  create(actor: Actor, input: AddressInput): Promise<Address>;
  /** Changes only the fields given; the result is validated as a whole. */
  update(actor: Actor, id: Id, input: Partial<AddressInput>): Promise<Address>;
  remove(actor: Actor, id: Id): Promise<void>;
}

/** The actor's own address book; another user's address reads as not found. */
export class AddressService implements AddressUseCases {
  constructor(private readonly deps: AddressDeps) {}

  list(actor: Actor): Promise<Address[]> {
    return this.deps.addresses.listForUser(actor.userId);
  }

  async get(actor: Actor, id: Id): Promise<Address> {
    const address = await this.deps.addresses.findForUser(actor.userId, id);
    if (!address) throw notFound('address');
    return address;
  }

  async create(actor: Actor, input: AddressInput): Promise<Address> {
    return this.deps.addresses.create(actor.userId, validateAddressInput(input), this.deps.clock.now());
  }

  async update(actor: Actor, id: Id, input: Partial<AddressInput>): Promise<Address> {
    const current = await this.get(actor, id);
    const merged: AddressInput = { ...toInput(current), ...withoutUndefined(input) };
    // isDefault is a request, not a stored fact to re-send: only an explicit true sets it
    // (the repository ignores unsetting the default; another address must take it over).
    merged.isDefault = input.isDefault ?? false;
    const updated = await this.deps.addresses.update(
      actor.userId,
      id,
      validateAddressInput(merged),
      this.deps.clock.now(),
    );
    if (!updated) throw notFound('address');
    return updated;
  }

  async remove(actor: Actor, id: Id): Promise<void> {
    if (!(await this.deps.addresses.delete(actor.userId, id))) throw notFound('address');
  }
}

function toInput(address: Address): AddressInput {
  return { label: address.label, ...snapshotOf(address) };
}

function withoutUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
