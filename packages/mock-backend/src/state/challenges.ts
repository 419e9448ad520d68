import { isoUint8Array } from '@simplewebauthn/server/helpers';
import { randomBytes } from '../crypto/randomBytes.ts';
import { badRequest, DfnsHttpError } from '../errors.ts';
import { createExpiringMap } from './expiringMap.ts';
import { randomToken } from './ids.ts';
import { createOwnerQueues } from './ownerQueues.ts';
import type { Provenance } from './store.ts';

/** A challenge the mock issued. */
export interface IssuedChallenge {
  challengeIdentifier: string;
  /** The opaque ASCII string sent to the client; its UTF-8 bytes are the WebAuthn challenge. */
  challenge: string;
  /**
   * The user it was issued to (for registration: the user being registered); none for a login
   * without username, where the assertion's credential names the user.
   */
  userId: string | undefined;
  /** What it is for: a credential of a kind, a user registration, an account recovery, a user action, or a login. */
  kind: 'Fido2' | 'Key' | 'PasswordProtectedKey' | 'RecoveryKey' | 'Registration' | 'Recovery' | 'UserAction' | 'Login';
  userVerification: 'required' | 'preferred' | 'discouraged';
  expiresAt: number;
  /** UserAction: the request it authorises. */
  action?: UserActionTarget;
  /** A credential's challenge issued for a one-time code (`POST /auth/credentials/code/init`). */
  credentialCode?: string;
  /** Where it came from (a user's credentials, a code's signer): voided by a recovery or deactivation since. */
  provenance?: Provenance;
}

/** The request a user action authorises: method, path and the SHA-256 of the exact body bytes. */
export interface UserActionTarget {
  method: string;
  path: string;
  payloadHash: string;
}

/**
 * Issued challenges: random, bound to a user, expiring, single-use. A challenge is spent by the
 * first request of its own route and user that names it (`POST /auth/credentials`, `/auth/action`,
 * `/auth/login`, …), whatever the outcome: a failed attempt cannot be retried with the same challenge
 * (as with one-time codes), so nothing can be brute-forced against it; another route or user cannot
 * burn it. Both kinds are remembered `ttlMs` past their expiry, to say
 * "expired" or "already used" rather than "unknown", then forgotten.
 */
export function createChallengeStore({
  ttlMs,
  now,
  voidedBy = () => undefined,
}: {
  ttlMs: number;
  now: () => number;
  /** Why a provenance no longer holds, if it doesn't (the store's `voidedBy`). */
  voidedBy?: (provenance: Provenance) => string | undefined;
}) {
  const pending = createExpiringMap<string, IssuedChallenge>(now);
  const spent = createExpiringMap<string, true>(now);
  /** The capped challenges, by owner: past the cap, the owner's oldest is forgotten (then "unknown"). */
  const owned = createOwnerQueues(now);
  const ownerOf = new WeakMap<IssuedChallenge, string>();

  return {
    /** `cap`: at most `max` unspent challenges of `owner` (a user, a code); the oldest gives way. */
    issue(
      input: Pick<IssuedChallenge, 'userId' | 'kind' | 'userVerification' | 'action' | 'credentialCode' | 'provenance'>,
      cap?: { owner: string; max: number },
    ): IssuedChallenge {
      const time = now();
      const issued: IssuedChallenge = {
        ...input,
        challengeIdentifier: randomToken(32),
        challenge: isoUint8Array.toHex(randomBytes(32)),
        expiresAt: time + ttlMs,
      };
      pending.set(issued.challengeIdentifier, issued, issued.expiresAt + ttlMs);
      if (cap) {
        ownerOf.set(issued, cap.owner);
        const forgetAt = issued.expiresAt + ttlMs;
        const isLive = (id: string) => pending.has(id);
        for (const id of owned.add(cap.owner, issued.challengeIdentifier, forgetAt, cap.max, isLive))
          pending.delete(id);
      }
      return issued;
    },

    /**
     * Takes the challenge out (single use); throws a 400 that says why when it can't be used. `userId`
     * is the signed-in caller, who must be the one it was issued to (else a 403, and it stays usable);
     * `null` on a route without sign-in, where holding the secret identifier is the proof. `refuse`
     * says why this route cannot take it (another kind, another flow), checked before it is spent: a
     * challenge is spent only by the route and the user it was issued for.
     */
    consume(
      challengeIdentifier: string,
      userId: string | null,
      refuse: (issued: IssuedChallenge) => string | undefined = () => undefined,
    ): IssuedChallenge {
      const issued = pending.get(challengeIdentifier);
      if (!issued) {
        throw spent.has(challengeIdentifier)
          ? badRequest('challengeIdentifier was already used: a challenge is single-use, ask for a new one')
          : badRequest('challengeIdentifier is unknown (challenges die with the process): ask for a new one');
      }
      if (userId !== null && issued.userId !== userId) {
        throw new DfnsHttpError(403, 'challengeIdentifier was issued to another user');
      }
      const refusal = refuse(issued);
      if (refusal !== undefined) throw badRequest(refusal);
      pending.delete(challengeIdentifier);
      const owner = ownerOf.get(issued);
      if (owner !== undefined) owned.remove(owner, challengeIdentifier);
      spent.set(challengeIdentifier, true, issued.expiresAt + ttlMs);
      if (now() > issued.expiresAt) {
        throw badRequest('challengeIdentifier has expired: ask for a new challenge');
      }
      const voided = issued.provenance && voidedBy(issued.provenance);
      if (voided) throw badRequest(`challengeIdentifier was ${voided}: ask for a new challenge`);
      return issued;
    },

    /** Forgets the challenge, issued or spent, as if never issued: it is "unknown" from now on (what it was for gave way). */
    forget(challengeIdentifier: string): void {
      const issued = pending.get(challengeIdentifier);
      const owner = issued && ownerOf.get(issued);
      if (owner !== undefined) owned.remove(owner, challengeIdentifier);
      pending.delete(challengeIdentifier);
      spent.delete(challengeIdentifier);
    },

    /** How many challenges are remembered, issued or spent (expired ones forgotten first). */
    get size(): number {
      return pending.size + spent.size;
    },
  };
}

/** The mock's challenge store. */
export type ChallengeStore = ReturnType<typeof createChallengeStore>;
