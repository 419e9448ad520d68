import { badRequest } from '../errors.ts';
import { createExpiringMap } from './expiringMap.ts';
import { oneTimeCode } from './ids.ts';
import type { Provenance } from './store.ts';

/** A code of `POST /auth/credentials/code`: whose it is, and until when it can start a credential. */
export interface CredentialCode {
  code: string;
  userId: string;
  expiresAt: number;
  /** The user's credentials and the signer when it was made: a recovery or the signer's deactivation voids it. */
  provenance?: Provenance;
}

/**
 * One-time codes that let a device without the user's credentials add one (Dfns's "Create
 * Credential With Code" flow): bound to the user who made them, exchanged for challenges until they
 * expire, spent by the first credential created with them. Spent and expired codes are remembered
 * for `retainMs` after expiry, to say so rather than "unknown".
 */
export function createCredentialCodes({
  now,
  retainMs,
  voidedBy = () => undefined,
}: {
  now: () => number;
  retainMs: number;
  voidedBy?: (provenance: Provenance) => string | undefined;
}) {
  const live = createExpiringMap<string, CredentialCode>(now);
  const spent = createExpiringMap<string, true>(now);

  /** The code's entry while unspent; a 400 saying why otherwise. */
  function unspent(code: string): CredentialCode {
    const entry = live.get(code);
    const voided = entry?.provenance && voidedBy(entry.provenance);
    if (voided) throw badRequest(`code was ${voided}: ask the user for a new one`);
    if (entry) return entry;
    throw spent.has(code)
      ? badRequest('code was already used: a code creates one credential, ask for a new one')
      : badRequest('code is unknown: ask POST /auth/credentials/code for one (codes die with the process)');
  }

  return {
    issue(userId: string, expiresAt: number, provenance?: Provenance): CredentialCode {
      let code = oneTimeCode();
      while (live.has(code) || spent.has(code)) code = oneTimeCode();
      const entry: CredentialCode = { code, userId, expiresAt, ...(provenance && { provenance }) };
      live.set(code, entry, expiresAt + retainMs);
      return entry;
    },

    /** The unspent, unexpired code, to issue a challenge for; a 400 saying why it can't be used. */
    redeemable(code: string): CredentialCode {
      const entry = unspent(code);
      if (now() > entry.expiresAt) throw badRequest('code has expired: ask POST /auth/credentials/code for a new one');
      return entry;
    },

    /** Throws the 400 of a spent code; its expiry was checked when its challenge was issued. */
    assertUnspent(code: string): void {
      unspent(code);
    },

    /** Spends the code: the credential it was for is stored. */
    spend(code: string): void {
      const entry = unspent(code);
      live.delete(code);
      spent.set(code, true, entry.expiresAt + retainMs);
    },

    /** How many codes are remembered, live or spent (expired ones forgotten first). */
    get size(): number {
      return live.size + spent.size;
    },
  };
}

/** The mock's credential codes. */
export type CredentialCodes = ReturnType<typeof createCredentialCodes>;
