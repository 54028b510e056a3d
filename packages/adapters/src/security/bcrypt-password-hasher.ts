import bcrypt from 'bcrypt';
import type { PasswordHasher } from '@giggatek/domain';

/** bcrypt hashes; the cost is a setting (12 in production, 4 in tests). */
export class BcryptPasswordHasher implements PasswordHasher {
  constructor(private readonly cost: number) {
    if (!Number.isInteger(cost) || cost < 4 || cost > 31) {
      throw new RangeError(`bcrypt cost must be an integer from 4 to 31 (got ${cost})`);
    }
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.cost);
  }

  async verify(password: string, hash: string): Promise<boolean> {
    try {
      return await bcrypt.compare(password, hash);
    } catch {
      // A corrupt or foreign hash in the store must read as "wrong password", not a 500.
      return false;
    }
  }
}
