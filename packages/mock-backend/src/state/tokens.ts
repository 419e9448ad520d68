import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { createExpiringMap } from './expiringMap.ts';
import { randomToken } from './ids.ts';
import { createOwnerQueues } from './ownerQueues.ts';

/** The kinds of bearer token Dfns hands out, and the mock's registration token. */
export type TokenKind =
  | 'EndUser'
  | 'CustomerEmployee'
  | 'PersonalAccessToken'
  | 'ServiceAccount'
  | 'Registration'
  | 'Recovery';

/** How long the token of a sign-up or a login lives. */
export const USER_TOKEN_TTL_MS = 24 * 60 * 60_000;

/** What a bearer token stands for. */
export interface TokenGrant {
  kind: TokenKind;
  userId: string;
  orgId: string;
  expiresAt: number;
  /** A login's: the uuid of the credential that signed it in (its deactivation ends the session). */
  signedInWith?: string;
}

const b64 = (value: unknown) => isoBase64URL.fromUTF8String(JSON.stringify(value));

/**
 * Bearer tokens, JWT-shaped like Dfns' (the Dfns SDK reads the `orgId` claim under
 * `https://custom/app_metadata`), with an unguessable signature part, and looked up in memory until
 * they expire. At most `maxPerUser` minted tokens per user, and `max` in all: past either, the user's
 * (or everyone's) oldest is forgotten, unknown like an expired one (fixed aliases are not counted).
 */
export function createTokenStore(
  now: () => number,
  { maxPerUser = Number.POSITIVE_INFINITY, max = Number.POSITIVE_INFINITY }: { maxPerUser?: number; max?: number } = {},
) {
  /** Each grant with its serial: the order it was made in. */
  const grants = createExpiringMap<string, { grant: TokenGrant; serial: number }>(now);
  let lastSerial = 0;
  /** By user, the serial of the last grant made before their tokens were revoked: those are unknown. */
  const revokedUpTo = new Map<string, number>();
  const add = (token: string, grant: TokenGrant) => grants.set(token, { grant, serial: ++lastSerial }, grant.expiresAt);
  /** Each user's minted tokens, oldest first, and everyone's under `ALL`. */
  const owned = createOwnerQueues(now);
  const ALL = '*';
  const bySignIn = (credentialUuid: string) => `signed-in-with:${credentialUuid}`;
  const isLive = (token: string) => grants.has(token);
  const forget = (token: string) => {
    const entry = grants.get(token);
    grants.delete(token);
    owned.remove(ALL, token);
    if (!entry) return;
    owned.remove(entry.grant.userId, token);
    if (entry.grant.signedInWith !== undefined) owned.remove(bySignIn(entry.grant.signedInWith), token);
  };

  return {
    /** A new token for the grant. */
    async mint(grant: TokenGrant): Promise<string> {
      const payload = {
        iss: 'https://credkit.mock/',
        sub: grant.userId,
        iat: Math.floor(now() / 1000),
        exp: Math.floor(grant.expiresAt / 1000),
        jti: randomToken(12),
        'https://custom/app_metadata': { orgId: grant.orgId, userId: grant.userId, tokenKind: grant.kind },
      };
      const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
      // The signature part is 32 random bytes, not an HMAC: nothing outside the mock could check an HMAC
      // under its secret (the two look alike), and the mock looks tokens up rather than verifying
      // them. WebCrypto's HMAC cost more than the rest of a sign-up's init.
      const token = `${unsigned}.${randomToken(32)}`;
      add(token, grant);
      for (const evicted of owned.add(grant.userId, token, grant.expiresAt, maxPerUser, isLive)) forget(evicted);
      for (const evicted of owned.add(ALL, token, grant.expiresAt, max, isLive)) forget(evicted);
      if (grant.signedInWith !== undefined) {
        owned.add(bySignIn(grant.signedInWith), token, grant.expiresAt, Number.POSITIVE_INFINITY, isLive);
      }
      return token;
    },
    /** Adds a fixed token (like `demo-token`) for a grant. */
    alias(token: string, grant: TokenGrant): void {
      add(token, grant);
    },
    /** Ends every token of the user (an account recovery, a logout of all sessions): they are unknown from now on. */
    revokeUser(userId: string): void {
      revokedUpTo.set(userId, lastSerial);
      // At most maxPerUser of them: forgotten now rather than held, revoked, until they expire.
      for (const token of owned.take(userId)) forget(token);
    },
    /**
     * Ends the sessions a credential signed in (it was deactivated), but `except` (the caller's own:
     * the person deactivating a passkey from the session it began is not signed out by it).
     */
    revokeSignedInWith(credentialUuid: string, except?: string): void {
      const sessions = owned.take(bySignIn(credentialUuid));
      for (const token of sessions) if (token !== except) forget(token);
      const kept = except === undefined ? undefined : grants.get(except)?.grant;
      if (kept && sessions.includes(except as string)) {
        owned.add(bySignIn(credentialUuid), except as string, kept.expiresAt, Number.POSITIVE_INFINITY, isLive);
      }
    },
    /** Ends one token (a logout), an alias like `demo-token` included: it is unknown from now on. */
    revoke(token: string): void {
      forget(token);
    },
    /** The live grant of a token, if any. */
    grantOf(token: string): TokenGrant | undefined {
      const entry = grants.get(token);
      if (!entry) return undefined;
      const { grant, serial } = entry;
      if (now() > grant.expiresAt || serial <= (revokedUpTo.get(grant.userId) ?? 0)) {
        forget(token);
        return undefined;
      }
      return grant;
    },
    /** How many tokens are held (expired ones forgotten first). */
    get size(): number {
      return grants.size;
    },
  };
}

/** The mock's token store. */
export type TokenStore = ReturnType<typeof createTokenStore>;
