import bcrypt from 'bcryptjs';

// bcrypt (bcryptjs: pure JavaScript, so it installs on an air-gapped machine with no native build).
const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
export const DUMMY_HASH = '$2b$11$6zOAnJeb2YYoVl8rHeW0RuTHlhdIt.gmiV/QKsuCyDe2NLTPQHX6G';
