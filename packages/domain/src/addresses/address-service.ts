import type { Clock } from '../shared/clock.js';
import type { Id } from '../shared/ids.js';
import type { Actor } from '../identity/user.js';
import type { Address, AddressInput } from './address.js';
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
