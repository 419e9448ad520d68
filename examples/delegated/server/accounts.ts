import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/**
 * The app's own accounts: its users sign in with the app's password, as they did before the app used
 * Dfns. A toy (in memory, gone on restart): a real app has its own user store and login.
 */
export function createAccounts() {
  const accounts = new Map<string, { salt: Buffer; hash: Buffer }>();
  return {
    /** Creates an account; false if the username is taken. */
    async create(username: string, password: string): Promise<boolean> {
      if (accounts.has(username)) return false;
      const salt = randomBytes(16);
      accounts.set(username, { salt, hash: await scryptAsync(password, salt, 32) });
      return true;
    },
    /** Whether the password is the account's. */
    async check(username: string, password: string): Promise<boolean> {
      const account = accounts.get(username);
      if (!account) return false;
      return timingSafeEqual(account.hash, await scryptAsync(password, account.salt, 32));
    },
  };
}

/** What the server remembers of a browser between requests. Never sent to the browser. */
export interface Session {
  username: string;
  /** The user's Dfns token (from the sign-up or a delegated login): it stays on the server. */
  dfnsToken?: string;
  /** A sign-up or recovery in progress: the temporary token its completion needs. */
  temporaryToken?: string | undefined;
  /** A credential the browser made, waiting for the user's signature of `POST /auth/credentials`. */
  pendingCredential?: unknown;
}

/** Sessions by an unguessable id, the value of an HttpOnly cookie. */
export function createSessions() {
  const sessions = new Map<string, Session>();
  return {
    start(session: Session): string {
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, session);
      return id;
    },
    get(id: string | undefined): Session | undefined {
      return id === undefined ? undefined : sessions.get(id);
    },
    end(id: string | undefined): void {
      if (id !== undefined) sessions.delete(id);
    },
  };
}
