import { isoUint8Array } from '@simplewebauthn/server/helpers';
import { randomBytes } from '../crypto/randomBytes.ts';
import { badRequest, DfnsHttpError } from '../errors.ts';
import { randomToken } from './ids.ts';

/** A challenge the mock issued. */
export interface IssuedChallenge {
  challengeIdentifier: string;
  /** The opaque ASCII string sent to the client; its UTF-8 bytes are the WebAuthn challenge. */
  challenge: string;
  /** The user it was issued to (for registration: the user being registered). */
  userId: string;
  /** What it is for: a credential of a kind, a user registration, or a user action. */
  kind: 'Fido2' | 'Key' | 'PasswordProtectedKey' | 'RecoveryKey' | 'Registration' | 'UserAction';
  userVerification: 'required' | 'preferred' | 'discouraged';
  expiresAt: number;
  /** UserAction: the request it authorises. */
  action?: UserActionTarget;
}

/** The request a user action authorises: method, path and the SHA-256 of the exact body bytes. */
export interface UserActionTarget {
  method: string;
  path: string;
  payloadHash: string;
}

/**
 * Issued challenges: random, bound to a user, expiring, single-use. A challenge is spent by the
 * first `POST /auth/credentials` that names it, whatever the outcome: a failed attempt cannot be
 * retried with the same challenge (as with one-time codes), so nothing can be brute-forced against it.
 */
export function createChallengeStore({ ttlMs, now }: { ttlMs: number; now: () => number }) {
  const pending = new Map<string, IssuedChallenge>();
  const spent = new Map<string, number>();

  function forgetOld(time: number): void {
    for (const [id, challenge] of pending) if (challenge.expiresAt + ttlMs < time) pending.delete(id);
    for (const [id, expiresAt] of spent) if (expiresAt + ttlMs < time) spent.delete(id);
  }

  return {
    issue(input: Pick<IssuedChallenge, 'userId' | 'kind' | 'userVerification' | 'action'>): IssuedChallenge {
      const time = now();
      forgetOld(time);
      const issued: IssuedChallenge = {
        ...input,
        challengeIdentifier: randomToken(32),
        challenge: isoUint8Array.toHex(randomBytes(32)),
        expiresAt: time + ttlMs,
      };
      pending.set(issued.challengeIdentifier, issued);
      return issued;
    },

    /** Takes the challenge out (single use); throws a 400 that says why when it can't be used. */
    consume(challengeIdentifier: string, userId: string): IssuedChallenge {
      const issued = pending.get(challengeIdentifier);
      if (!issued) {
        throw spent.has(challengeIdentifier)
          ? badRequest('challengeIdentifier was already used: a challenge is single-use, ask for a new one')
          : badRequest('challengeIdentifier is unknown: ask POST /auth/credentials/init for a challenge');
      }
      if (issued.userId !== userId) {
        throw new DfnsHttpError(403, 'challengeIdentifier was issued to another user');
      }
      pending.delete(challengeIdentifier);
      spent.set(challengeIdentifier, issued.expiresAt);
      if (now() > issued.expiresAt) {
        throw badRequest('challengeIdentifier has expired: ask POST /auth/credentials/init for a new challenge');
      }
      return issued;
    },
  };
}

/** The mock's challenge store. */
export type ChallengeStore = ReturnType<typeof createChallengeStore>;
