// The latency bench's baseline: what a hand-written page does, no library. Click → POST
// /auth/credentials/init → navigator.credentials.create → POST /auth/credentials. With `?warm`, the
// challenge is fetched before the click (and again after each registration) instead of in it; `?token=`
// is the user's bearer token.
import './benchMarks.ts';

interface Fido2Challenge {
  challenge: string;
  challengeIdentifier: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: PublicKeyCredentialParameters[];
  authenticatorSelection: AuthenticatorSelectionCriteria;
  attestation: AttestationConveyancePreference;
  excludeCredentials: { type: 'public-key'; id: string; transports?: AuthenticatorTransport[] }[];
}

const params = new URLSearchParams(window.location.search);
const api = params.get('api') ?? '';
const warm = params.has('warm');
const headers = { Authorization: `Bearer ${params.get('token') ?? 'demo-token'}`, 'Content-Type': 'application/json' };
const utf8 = (text: string) => new TextEncoder().encode(text);

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function toBase64url(buffer: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${api}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(json?.error?.message ?? `HTTP ${response.status}`);
  return json as T;
}

const name = document.getElementById('name') as HTMLInputElement;
const button = document.getElementById('register') as HTMLButtonElement;
const status = document.getElementById('status') as HTMLParagraphElement;
let prefetched: Fido2Challenge | undefined;
let busy = false;

function prefetch() {
  postJson<Fido2Challenge>('/auth/credentials/init', { kind: 'Fido2' }).then((challenge) => {
    prefetched = challenge;
  });
}
if (warm) prefetch();
window.__benchReady = () => !busy && (!warm || prefetched !== undefined);

button.addEventListener('click', async () => {
  if (busy) return;
  busy = true;
  status.dataset.state = 'busy';
  try {
    const challenge = prefetched ?? (await postJson<Fido2Challenge>('/auth/credentials/init', { kind: 'Fido2' }));
    prefetched = undefined;
    // Dfns byte rules: challenge and user id are the UTF-8 bytes of their strings; excluded ids are base64url.
    const credential = (await navigator.credentials.create({
      publicKey: {
        rp: challenge.rp,
        user: { ...challenge.user, id: utf8(challenge.user.id) },
        challenge: utf8(challenge.challenge),
        pubKeyCredParams: challenge.pubKeyCredParams,
        authenticatorSelection: challenge.authenticatorSelection,
        attestation: challenge.attestation,
        excludeCredentials: challenge.excludeCredentials.map((excluded) => ({
          ...excluded,
          id: fromBase64url(excluded.id),
        })),
        timeout: 60_000,
      },
    })) as PublicKeyCredential;
    const response = credential.response as AuthenticatorAttestationResponse;
    const created = await postJson<{ name: string }>('/auth/credentials', {
      challengeIdentifier: challenge.challengeIdentifier,
      credentialName: name.value,
      credentialKind: 'Fido2',
      credentialInfo: {
        credId: credential.id,
        clientData: toBase64url(response.clientDataJSON),
        attestationData: toBase64url(response.attestationObject),
      },
    });
    status.textContent = `Passkey “${created.name}” registered.`;
    status.dataset.state = 'success';
  } catch (error) {
    status.textContent = String(error);
    status.dataset.state = 'error';
  } finally {
    busy = false;
    if (warm) prefetch();
  }
});
