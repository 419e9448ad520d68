import { randomUUID } from 'node:crypto';
import { expect, recordApiRequests, test } from './fixtures.ts';

// The simple-embed mock (user-action signing off): these tests are about the registration checks.
const headers = { Authorization: 'Bearer demo-token', 'Content-Type': 'application/json' };

test.describe('the mock backend refuses what a real Dfns backend would', () => {
  test.skip(
    ({ mockApi }) => mockApi.inPage,
    "Raw HTTP from the test to the mock: the static build's mock lives in the page and has no port (its refusals are the same code, unit-tested in @credkit/mock-backend).",
  );

  test('should refuse a replayed registration with a Dfns-shaped 400', async ({
    page,
    authenticator,
    request,
    mockApi,
  }) => {
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await page.getByRole('textbox', { name: 'Credential name' }).fill(`Replay ${randomUUID().slice(0, 8)}`);
    await page.getByRole('button', { name: 'Register passkey' }).click();
    await expect(page.getByRole('status')).toContainText('registered.');
    expect(await authenticator.credentials()).toHaveLength(1);

    // The exact body the browser posted, sent again: its challenge is spent.
    const replay = await request.post(`${mockApi.embed}/auth/credentials`, { headers, data: posts[0]?.postDataJSON() });
    expect(replay.status()).toBe(400);
    const body = (await replay.json()) as { error: { message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.message).toMatch(/already used|replay/i);
  });

  test("should refuse the Dfns reference page's own Fido2 example body, saying why", async ({ request, mockApi }) => {
    const init = await request.post(`${mockApi.embed}/auth/credentials/init`, { headers, data: { kind: 'Fido2' } });
    expect(init.status()).toBe(200);
    const { challengeIdentifier } = (await init.json()) as { challengeIdentifier: string };

    const seedExample = await request.post(`${mockApi.embed}/auth/credentials`, {
      headers,
      data: {
        challengeIdentifier,
        credentialName: 'My Credential',
        credentialKind: 'Fido2',
        credentialInfo: {
          credId: 'c1QEdgnPLJargwzy3cbYKny4Q18u0hr97unXsF3DiE8',
          clientData:
            'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiTVdNME1tWTVZVFEwTURSaU56ZGhOVEZoTnpZNU9EUXdOV0k1WlRRNFkyUmhPRFppTkRrM1pUWXpPVEU1T0dZeU1EY3haakJqWXprNE1tUTVZelkxTUEiLCJvcmlnaW4iOiJodHRwczovL2FwcC5kZm5zLm5pbmphIiwiY3Jvc3NPcmlnaW4iOmZhbHNlfQ',
          attestationData: 'WT-zFZUBbJHfBkmhzTlPf49LTn7asLeTQKhm_riCvFgFAAAAAA',
        },
      },
    });
    expect(seedExample.status()).toBe(400);
    const body = (await seedExample.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/authenticatorData/);
  });

  test('should refuse calls without the bearer token with 401', async ({ request, mockApi }) => {
    const response = await request.get(`${mockApi.embed}/auth/credentials`);
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { message: expect.any(String) } });
  });
});
