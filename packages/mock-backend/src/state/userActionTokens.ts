import { isoUint8Array } from '@simplewebauthn/server/helpers';
import { sha256Hex } from '../crypto/sha256Hex.ts';
import type { UserActionTarget } from './challenges.ts';
import { createExpiringMap } from './expiringMap.ts';
import { randomToken } from './ids.ts';
import type { Provenance } from './store.ts';

interface IssuedUserAction {
  userId: string;
  target: UserActionTarget;
  expiresAt: number;
  /** The user and the credential that signed it. */
  provenance?: Provenance;
}

/** SHA-256 (hex) of the exact body bytes a user action is bound to. */
export async function payloadHash(body: string): Promise<string> {
  return sha256Hex(isoUint8Array.fromUTF8String(body));
}

/**
 * `X-DFNS-USERACTION` tokens: single-use, short-lived, bound to the user, the HTTP method, the path
 * and the exact payload bytes of the one request they authorise.
 */
export function createUserActionTokens({
  ttlMs,
  now,
  voidedBy = () => undefined,
}: {
  ttlMs: number;
  now: () => number;
  voidedBy?: (provenance: Provenance) => string | undefined;
}) {
  const issued = createExpiringMap<string, IssuedUserAction>(now);
  return {
    issue(userId: string, target: UserActionTarget, provenance?: Provenance): string {
      const token = `ua-${randomToken(32)}`;
      const expiresAt = now() + ttlMs;
      issued.set(token, { userId, target, expiresAt, ...(provenance && { provenance }) }, expiresAt);
      return token;
    },
    /**
     * Spends the token: `{ provenance }` (who signed it, if recorded) if it authorises
     * exactly this request and no recovery or deactivation voided it since; undefined otherwise (and it
     * is spent anyway).
     */
    consume(token: string, userId: string, request: UserActionTarget): { provenance?: Provenance } | undefined {
      const action = issued.get(token);
      issued.delete(token);
      const ok =
        action !== undefined &&
        !(action.provenance && voidedBy(action.provenance)) &&
        now() <= action.expiresAt &&
        action.userId === userId &&
        action.target.method === request.method &&
        action.target.path === request.path &&
        action.target.payloadHash === request.payloadHash;
      return ok ? { ...(action.provenance && { provenance: action.provenance }) } : undefined;
    },

    /** How many unspent tokens are held (expired ones forgotten first). */
    get size(): number {
      return issued.size;
    },
  };
}

/** The mock's user-action tokens. */
export type UserActionTokens = ReturnType<typeof createUserActionTokens>;
