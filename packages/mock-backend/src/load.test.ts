// Load: 200 full registrations at once against one server over real HTTP (loopback), each with its own
// software authenticator; then every used challenge replayed. Bounded: LOAD_REGISTRATIONS requests.
import { describe, expect, it } from 'vitest';
import { createMockBackend } from './createMockBackend.ts';
import { ORIGIN, TOKEN } from './testHelpers.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';

const REGISTRATIONS = Number(process.env.LOAD_REGISTRATIONS ?? 200);

describe(`the mock backend under load (${REGISTRATIONS} concurrent registrations)`, () => {
  it('should store every registration once, distinct, and refuse every replay', { timeout: 60_000 }, async () => {
    const server = await createMockBackend({ origins: [ORIGIN], token: TOKEN, userActionSigning: 'off' }).listen({
      port: 0,
    });
    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    try {
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: REGISTRATIONS }, async (_, index) => {
          const challenge = (await (await post('/auth/credentials/init', { kind: 'Fido2' })).json()) as {
            challenge: string;
            challengeIdentifier: string;
          };
          const credentialInfo = await createSoftwareAuthenticator().register({
            challenge: challenge.challenge,
            rpId: 'localhost',
            origin: ORIGIN,
          });
          const body = {
            credentialKind: 'Fido2',
            credentialName: `Load ${index}`,
            challengeIdentifier: challenge.challengeIdentifier,
            credentialInfo,
          };
          const response = await post('/auth/credentials', body);
          return { body, status: response.status, created: (await response.json()) as { credentialId: string } };
        }),
      );
      const elapsedMs = performance.now() - started;
      console.info(
        `load: ${REGISTRATIONS} concurrent registrations in ${elapsedMs.toFixed(0)} ms (${((REGISTRATIONS / elapsedMs) * 1000).toFixed(0)} registrations/s)`,
      );

      expect(results.map((result) => result.status)).toEqual(Array(REGISTRATIONS).fill(200));
      const list = (await (await fetch(`${server.url}/auth/credentials`, { headers })).json()) as {
        items: { credentialId: string; credentialUuid: string }[];
      };
      expect(list.items).toHaveLength(REGISTRATIONS);
      expect(new Set(list.items.map((item) => item.credentialId)).size).toBe(REGISTRATIONS);
      expect(new Set(list.items.map((item) => item.credentialUuid)).size).toBe(REGISTRATIONS);
      expect(new Set(results.map((result) => result.body.challengeIdentifier)).size).toBe(REGISTRATIONS);

      const replays = await Promise.all(
        results.map(async ({ body }) => {
          const response = await post('/auth/credentials', body);
          return {
            status: response.status,
            message: ((await response.json()) as { error: { message: string } }).error.message,
          };
        }),
      );
      expect(replays.every((replay) => replay.status === 400 && /already used/.test(replay.message))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
