import { randomUUID } from 'node:crypto';
import { decodeAttestationObject, isoBase64URL } from '@simplewebauthn/server/helpers';
import { base64ToBase64url, expect, recordApiRequests, test } from './fixtures.ts';

interface CreateCredentialBody {
  credentialKind: string;
  credentialName: string;
  challengeIdentifier: string;
  credentialInfo: { credId: string; clientData: string; attestationData: string };
}

test.describe('registering a passkey through the demo', () => {
  test('should register a passkey, list it, and hold it in the authenticator', async ({ page, authenticator }) => {
    const inits = recordApiRequests(page, '/auth/credentials/init');
    const posts = recordApiRequests(page, '/auth/credentials');
    const name = `Laptop ${randomUUID().slice(0, 8)}`;
    await page.goto('/?embed');
    await expect(page.getByTestId('signed-in-user')).toContainText('Demo User');

    await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
    await page.getByRole('button', { name: 'Register passkey' }).click();

    await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);
    const listed = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem').filter({ hasText: name });
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText('Fido2');

    // The authenticator holds exactly the credential the page lists.
    const held = await authenticator.credentials();
    expect(held).toHaveLength(1);
    const heldId = base64ToBase64url(held[0]?.credentialId ?? '');
    await expect(listed).toHaveAttribute('data-credential-id', heldId);
    expect(held[0]?.isResidentCredential).toBe(true);

    expect(posts).toHaveLength(1);
    const body = posts[0]?.postDataJSON() as CreateCredentialBody;
    // The challenge was prefetched (and a fresh one fetched after the attempt): find the one used.
    const answers = await Promise.all(
      inits.map(
        async (init) => (await (await init.response())?.json()) as { challenge: string; challengeIdentifier: string },
      ),
    );
    const initAnswer = answers.find((answer) => answer.challengeIdentifier === body.challengeIdentifier);
    if (!initAnswer) throw new Error('the posted challengeIdentifier was never issued to this page');

    // The body decodes per the Dfns contract.
    expect(body.credentialKind).toBe('Fido2');
    expect(body.credentialName).toBe(name);
    expect(body.challengeIdentifier).toBe(initAnswer.challengeIdentifier);
    expect(body.credentialInfo.credId).toBe(heldId);
    for (const value of Object.values(body.credentialInfo)) expect(value).toMatch(/^[A-Za-z0-9_-]+$/);

    const clientData = JSON.parse(isoBase64URL.toUTF8String(body.credentialInfo.clientData)) as Record<string, unknown>;
    expect(clientData.type).toBe('webauthn.create');
    expect(clientData.challenge).toBe(isoBase64URL.fromUTF8String(initAnswer.challenge));
    expect(clientData.origin).toBe(new URL(page.url()).origin);

    const attestation = decodeAttestationObject(isoBase64URL.toBuffer(body.credentialInfo.attestationData));
    expect(typeof attestation.get('fmt')).toBe('string');
    expect(attestation.get('attStmt')).toBeInstanceOf(Map);
    const authData = attestation.get('authData');
    // rpIdHash (32) + flags (1) + signCount (4) + attested credential data: far more than the seed's 37 bytes.
    expect(authData.length).toBeGreaterThan(37);
  });

  // Issue 29: a blank name becomes the provider's. Chromium's virtual authenticator sends the AAGUID
  // 01020304-0506-0708-0102-030405060708 (not all zeros), which the providers' list does not know: the
  // passkey is stored, announced and listed as "Passkey".
  test('should register a passkey left without a name under the name its AAGUID gives', async ({
    page,
    authenticator,
  }) => {
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    const field = page.getByRole('textbox', { name: 'Credential name (optional)', exact: true });
    await expect(field).not.toHaveAttribute('required');
    await expect(field).toHaveAccessibleDescription('Left blank, it is named after your password manager.');
    await expect(field).toHaveValue('');
    await page.getByRole('button', { name: 'Register passkey' }).click();

    await expect(page.getByRole('status')).toHaveText('Passkey “Passkey” registered.');
    expect(posts).toHaveLength(1);
    const body = posts[0]?.postDataJSON() as CreateCredentialBody;
    const authData = decodeAttestationObject(isoBase64URL.toBuffer(body.credentialInfo.attestationData)).get(
      'authData',
    );
    // rpIdHash (32) + flags (1) + signCount (4), then the AAGUID (16): Chromium's virtual authenticator's.
    expect(Buffer.from(authData.subarray(37, 53)).toString('hex')).toBe('01020304050607080102030405060708');
    expect(body.credentialName).toBe('Passkey');

    const heldId = base64ToBase64url((await authenticator.credentials())[0]?.credentialId ?? '');
    const listed = page.getByRole('list', { name: 'Credentials' }).locator(`[data-credential-id="${heldId}"]`);
    await expect(listed).toHaveCount(1);
    await expect(listed.locator('strong')).toHaveText('Passkey');
    await expect(listed).toContainText('Fido2');
  });

  test('should say "already registered" when the same authenticator registers again', async ({
    page,
    authenticator,
  }) => {
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    const field = page.getByRole('textbox', { name: 'Credential name' });
    const button = page.getByRole('button', { name: 'Register passkey' });

    await field.fill(`First ${randomUUID().slice(0, 8)}`);
    await button.click();
    await expect(page.getByRole('status')).toContainText('registered.');

    await field.fill(`Second ${randomUUID().slice(0, 8)}`);
    await button.click();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText('This authenticator already holds a passkey for your account.');
    await expect(alert).toHaveAttribute('data-code', 'already-registered');
    expect(posts).toHaveLength(1);
    expect(await authenticator.credentials()).toHaveLength(1);
  });
});
