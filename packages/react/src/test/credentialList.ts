import { type CreateCredentialResponse, type FetcherRequest, withUserActionProtocol } from '@credkit/core';
import { createdCredential, fakeFetcher } from './utils.tsx';

/** A credential of the list, from the shared fixture. */
export function credential(fields: Partial<CreateCredentialResponse>): CreateCredentialResponse {
  return { ...createdCredential, ...fields };
}

export const laptop = credential({
  name: 'Laptop',
  credentialUuid: 'cr-laptop',
  credentialId: 'bGFwdG9w',
  dateCreated: '2026-03-01T09:30:00.000Z',
});
export const phone = credential({
  name: 'Phone',
  credentialUuid: 'cr-phone',
  credentialId: 'cGhvbmU',
  dateCreated: '2026-04-02T10:00:00.000Z',
  origin: 'https://app.example.com',
});
export const recovery = credential({ name: 'Safe', kind: 'RecoveryKey', credentialUuid: 'cr-safe', origin: '' });
export const oldKey = credential({ name: 'Old key', kind: 'Key', credentialUuid: 'cr-old', isActive: false });

/** The user-action challenge the fake backend hands the signer. */
const actionChallenge = {
  challenge: 'sign me',
  challengeIdentifier: 'uac-1',
  userVerification: 'required',
  allowCredentials: { webauthn: [{ type: 'public-key', id: 'bGFwdG9w' }], key: [] },
};

/** A signer that signs at once, as a passkey would once the person confirms. */
export const fakeSigner = withUserActionProtocol({
  sign: async () => ({
    kind: 'Fido2',
    credentialAssertion: { credId: 'bGFwdG9w', clientData: 'e30', authenticatorData: 'AA', signature: 'AA' },
  }),
});

/** A Dfns-shaped refusal, as `@dfns/sdk`'s DfnsError carries it (`httpStatus`, `context.body`). */
export function refusal(status: number, message: string) {
  return Object.assign(new Error(message), { httpStatus: status, context: { body: { error: { message } } } });
}

/**
 * A fake backend holding `credentials`: lists them, (de)activates them on
 * `PUT /auth/credentials/activate|deactivate`, and answers the user-action calls. Any answer can be replaced.
 */
export function credentialsBackend(
  credentials: CreateCredentialResponse[],
  answers: Partial<Record<string, (request: FetcherRequest) => unknown>> = {},
) {
  const items = credentials.map((item) => ({ ...item }));
  const setActive = (isActive: boolean) => (request: FetcherRequest) => {
    const { credentialUuid } = request.body as { credentialUuid: string };
    const item = items.find((candidate) => candidate.credentialUuid === credentialUuid);
    if (!item) throw refusal(404, `credential ${credentialUuid} not found`);
    item.isActive = isActive;
    return { message: 'success' };
  };
  const fake = fakeFetcher({
    'GET /auth/credentials': () => ({ items: items.map((item) => ({ ...item })) }),
    'PUT /auth/credentials/deactivate': setActive(false),
    'PUT /auth/credentials/activate': setActive(true),
    'POST /auth/action/init': () => actionChallenge,
    'POST /auth/action': () => ({ userAction: 'ua-token' }),
    ...answers,
  });
  const lists = () => fake.requests.filter((request) => request.method === 'GET').length;
  const puts = () => fake.requests.filter((request) => request.method === 'PUT');
  return { ...fake, items, lists, puts, setActive };
}
