import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { RuleViolationError, InvalidValueError } from '@liaison/domain';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { isRole, type Role } from './roles';

export interface User {
  login: string;
  role: Role;
}

/** How long a login lasts: a school day and then some. */
const SESSION_HOURS = 12;
const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Accounts (argon2id hashes) and bearer sessions (only their SHA-256 is stored). */
@Injectable()
export class UsersService {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  async add(login: string, role: string, password: string): Promise<User> {
    if (!LOGIN_PATTERN.test(login)) {
      throw new InvalidValueError(
        `identifiant « ${login} » invalide : 2 à 40 caractères parmi a-z, 0-9, point, tiret et souligné`,
      );
    }
    if (!isRole(role)) {
      throw new InvalidValueError(`rôle « ${role} » inconnu : admin, direction, secretariat ou lecture`);
    }
    if (password.length < 4) throw new InvalidValueError('mot de passe trop court : 4 caractères au moins');
    const passwordHash = await hash(password);
    await this.kernel.db.transaction(async (tx) => {
      if (tx.get('SELECT login FROM users WHERE login = ?', [login])) {
        throw new RuleViolationError('user_exists', `l’utilisateur « ${login} » existe déjà`);
      }
      tx.run('INSERT INTO users (login, role, password_hash, created_at) VALUES (?, ?, ?, ?)', [
        login,
        role,
        passwordHash,
        new Date().toISOString(),
      ]);
    });
    return { login, role };
  }

  find(login: string): User | undefined {
    return this.kernel.db.reader.get<User>('SELECT login, role FROM users WHERE login = ? AND disabled_at IS NULL', [login]);
  }

  /** Checks the password and opens a session; undefined when either is wrong. */
  async login(login: string, password: string): Promise<{ token: string; user: User; expiresAt: string } | undefined> {
    const row = this.kernel.db.reader.get<{ login: string; role: Role; password_hash: string }>(
      'SELECT login, role, password_hash FROM users WHERE login = ? AND disabled_at IS NULL',
      [login],
    );
    if (!row || !(await verify(row.password_hash, password))) return undefined;
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
    await this.kernel.db.transaction(async (tx) => {
      tx.run('DELETE FROM sessions WHERE expires_at < ?', [now.toISOString()]);
      tx.run('INSERT INTO sessions (token_hash, login, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        sha256(token),
        row.login,
        now.toISOString(),
        expiresAt,
      ]);
    });
    return { token, user: { login: row.login, role: row.role }, expiresAt };
  }

  authenticate(token: string): User | undefined {
    return this.kernel.db.reader.get<User>(
      `SELECT u.login, u.role FROM sessions s JOIN users u ON u.login = s.login
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL`,
      [sha256(token), new Date().toISOString()],
    );
  }

  async logout(token: string): Promise<void> {
    await this.kernel.db.transaction(async (tx) => {
      tx.run('DELETE FROM sessions WHERE token_hash = ?', [sha256(token)]);
    });
  }

  /** Used by the demo to tell whether the database is empty. */
  count(): number {
    return this.kernel.db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM users')?.n ?? 0;
  }
}
