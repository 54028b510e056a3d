import type { User } from '@giggatek/domain';

export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    phone: user.phone,
    role: user.role,
    email_verified: user.emailVerifiedAt !== null,
  };
}
