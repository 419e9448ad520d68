import { isoUint8Array } from '@simplewebauthn/server/helpers';
import { sha256Hex } from '../crypto/sha256Hex.ts';
import type { UserActionTarget } from './challenges.ts';
import { createExpiringMap } from './expiringMap.ts';
import { randomToken } from './ids.ts';

interface IssuedUserAction {
  userId: string;
  target: UserActionTarget;
  expiresAt: number;
}

/** SHA-256 (hex) of the exact body bytes a user action is bound to. */
export async function payloadHash(body: string): Promise<string> {
  return sha256Hex(isoUint8Array.fromUTF8String(body));
}

/**
 * `X-DFNS-USERACTION` tokens: single-use, short-lived, bound to the user, the HTTP method, the path
 * and the exact payload bytes of the one request they authorise.
 */
export function createUserActionTokens({ ttlMs, now }: { ttlMs: number; now: () => number }) {
  const issued = createExpiringMap<string, IssuedUserAction>(now);
  return {
    issue(userId: string, target: UserActionTarget): string {
      const token = `ua-${randomToken(32)}`;
      const expiresAt = now() + ttlMs;
      issued.set(token, { userId, target, expiresAt }, expiresAt);
      return token;
    },
    /** Spends the token if it authorises exactly this request; false otherwise (and it is spent anyway). */
    consume(token: string, userId: string, request: UserActionTarget): boolean {
      const action = issued.get(token);
      issued.delete(token);
      return (
        action !== undefined &&
        now() <= action.expiresAt &&
        action.userId === userId &&
        action.target.method === request.method &&
        action.target.path === request.path &&
        action.target.payloadHash === request.payloadHash
      );
    },

    /** How many unspent tokens are held (expired ones forgotten first). */
    get size(): number {
      return issued.size;
    },
  };
}

/** The mock's user-action tokens. */
export type UserActionTokens = ReturnType<typeof createUserActionTokens>;
