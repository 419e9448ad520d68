// @vitest-environment jsdom
// The React floor study's behaviour checks (README.md here): the smallest hook + component we could
// write over the floor core must still do what <RegisterCredential> does for a passkey, or its size
// would mean nothing. Terse like the files it checks; lint is off for this folder.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { CREATED_CREDENTIAL } from './behaviourChecks.js';
import { createFetcher } from './fido2PathFloor.js';
import { RegisterCredential } from './floorComponent.jsx';

globalThis.IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no isSecureContext; a browser page on https has it true.
globalThis.isSecureContext = true;
const enc = (s) => Buffer.from(s).toString('base64url');
const ab = (s) => {
  const b = Buffer.from(s);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
};
let n = 0;
const CH = () => ({
  kind: 'Fido2',
  challenge: 'chal',
  challengeIdentifier: 'cid' + ++n,
  user: { id: 'uid', name: 'n', displayName: 'd' },
  authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  attestation: 'none',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  excludeCredentials: [],
});
const RESP = CREATED_CREDENTIAL;
const cred = { rawId: ab('raw'), response: { clientDataJSON: ab('cdj'), attestationObject: ab('att') } };
const tick = () => act(() => new Promise((r) => setTimeout(r, 10)));
const fails = [];
const ok = (c, m) => {
  c || fails.push(m);
};

async function mount(props, { badChallenge = 0 } = {}) {
  const calls = [];
  let bad = badChallenge;
  const fetcher = createFetcher({
    baseUrl: 'https://api.test',
    fetch: async (url, init) => {
      calls.push(url);
      const body = url.endsWith('/init') ? (bad-- > 0 ? { kind: 'Fido2' } : CH()) : RESP;
      return new Response(JSON.stringify(body), { status: 200 });
    },
  });
  const qc = new QueryClient();
  const invalidated = [];
  const inv = qc.invalidateQueries.bind(qc);
  qc.invalidateQueries = (f) => (invalidated.push(JSON.stringify(f.queryKey)), inv(f));
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  await act(() =>
    root.render(
      <QueryClientProvider client={qc}>
        <RegisterCredential fetcher={fetcher} rp={{ id: 'example.com', name: 'Ex' }} {...props} />
      </QueryClientProvider>,
    ),
  );
  await tick();
  const $ = (s) => el.querySelector(s);
  const type = (v) => {
    const i = $('input[name=credentialName]');
    Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value').set.call(i, v);
    i.dispatchEvent(new window.Event('input', { bubbles: true }));
  };
  const submit = () => $('form').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  return { el, $, calls, invalidated, type, submit, root };
}

async function runChecks() {
  // 1. happy path with a prefetched challenge
  {
    let registered;
    const created = [];
    const credentials = { create: async (o) => (created.push(o), cred) };
    const t = await mount({ credentials, onRegistered: (c) => (registered = c) });
    ok(t.calls.length == 1 && t.calls[0].endsWith('/init'), 'challenge prefetched after mount');
    await act(() => t.type('My key'));
    await act(() => {
      t.submit();
      t.submit();
    });
    await tick();
    await tick();
    ok(created.length == 1, 'double submit guarded: one ceremony');
    ok(
      t.calls.filter((c) => c.endsWith('/init')).length == 2 && t.calls[1].endsWith('/auth/credentials'),
      'prefetched challenge used, no init before ceremony; refetched after',
    );
    ok(
      t.$('[role=status]').textContent == 'Passkey “My key” registered.',
      'success announced: ' + t.$('[role=status]').textContent,
    );
    ok(document.activeElement == t.$('[role=status]'), 'focus on status');
    ok(t.$('form').dataset.state == 'success' && t.$('form').dataset.phase == 'success', 'data-state success');
    ok(registered?.name == 'My key', 'onRegistered');
    ok(t.invalidated.includes('["credkit","credentials"]'), 'credentials query invalidated');
    ok(t.$('input[name=credentialName]').value == '', 'name cleared');
  }
  // 2. invalid prefetched challenge: ignored, click fetches and reports
  {
    const t = await mount(
      { credentials: { create: async () => cred }, errorMessages: { 'invalid-challenge': 'Bad challenge!' } },
      { badChallenge: 2 },
    );
    await act(() => t.type('K'));
    await act(() => t.submit());
    await tick();
    await tick();
    const e = t.$('[role=alert]');
    ok(
      e?.dataset.code == 'invalid-challenge' && e.textContent == 'Bad challenge!',
      'invalid challenge reported with override: ' + e?.textContent,
    );
    ok(
      t.$('input').getAttribute('aria-invalid') == 'true' && t.$('input').getAttribute('aria-describedby') == e.id,
      'aria tied to error',
    );
    ok(document.activeElement == e, 'focus on error');
  }
  // 3. cancel during the ceremony
  {
    let onErr;
    const credentials = {
      create: (o) => new Promise((_, rej) => o.signal.addEventListener('abort', () => rej(o.signal.reason))),
    };
    const t = await mount({ credentials, onError: (e) => (onErr = e) });
    await act(() => t.type('K'));
    await act(() => t.submit());
    await tick();
    ok(
      t.$('form').dataset.phase == 'ceremony' && t.$('[role=status]').textContent.startsWith('Follow'),
      'ceremony announced',
    );
    ok(t.$('button[type=submit]').disabled, 'submit disabled while busy');
    const c = t.$('[data-credkit-part=cancel]');
    ok(!!c, 'cancel shown');
    await act(() => c.dispatchEvent(new window.MouseEvent('click', { bubbles: true })));
    await tick();
    ok(
      t.$('[role=alert]')?.textContent == 'Registration cancelled. Nothing was registered.' &&
        onErr?.code == 'cancelled',
      'cancelled: ' + t.$('[role=alert]')?.textContent,
    );
  }
  // 4. empty name
  {
    const t = await mount({ credentials: { create: async () => cred } });
    await act(() => t.submit());
    ok(
      t.$('[role=alert]')?.textContent == 'Give the credential a name.' &&
        t.$('[role=alert]').dataset.code == 'invalid-input',
      'empty name: local error',
    );
  }
  // 5. choices: platform authenticator absent hides "This device"
  {
    window.PublicKeyCredential = globalThis.PublicKeyCredential = function () {};
    PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable = async () => false;
    navigator.credentials = { create: async () => cred };
    const created = [];
    const t = await mount({
      authenticatorChoices: ['this-device', 'security-key', 'phone'],
      credentials: { create: async (o) => (created.push(o), cred) },
    });
    const radios = [...t.el.querySelectorAll('input[type=radio]')].map((r) => r.value);
    ok(radios.join() == 'security-key,phone', 'choices filtered: ' + radios);
    await act(() => t.el.querySelector('input[value=phone]').click());
    await act(() => t.type('K'));
    await act(() => t.submit());
    await tick();
    await tick();
    ok(
      created[0]?.publicKey.authenticatorSelection.authenticatorAttachment == 'cross-platform' &&
        created[0].publicKey.hints?.[0] == 'hybrid',
      'choice passed as authenticator',
    );
    delete window.PublicKeyCredential;
    delete globalThis.PublicKeyCredential;
  }
  // 6. unsupported
  {
    const t = await mount({});
    ok(
      t.$('[data-credkit-part=unsupported]')?.textContent ==
        'Passkeys are not available here. Try another browser or device.' && t.$('div[data-state=unsupported]'),
      'unsupported fallback',
    );
    ok(t.calls.length == 0, 'no prefetch when unsupported');
  }
  return fails;
}

it('should do what <RegisterCredential> does for a passkey', async () => {
  expect(await runChecks()).toEqual([]);
});

it('should render on the server, as a form and through a render prop', () => {
  const qc = new QueryClient();
  const fetcher = async () => {
    throw new Error('no fetch during SSR');
  };
  const rp = { id: 'example.com', name: 'Example' };
  const form = renderToString(
    <QueryClientProvider client={qc}>
      <RegisterCredential fetcher={fetcher} rp={rp} authenticatorChoices={['this-device', 'security-key', 'phone']} />
    </QueryClientProvider>,
  );
  expect(form).toContain('name="credentialName"');
  const custom = renderToString(
    <QueryClientProvider client={qc}>
      <RegisterCredential fetcher={fetcher} rp={rp}>
        {(p) => (
          <i>
            {p.phase} {String(p.capabilities.webAuthn)}
          </i>
        )}
      </RegisterCredential>
    </QueryClientProvider>,
  );
  expect(custom).toContain('idle');
});
