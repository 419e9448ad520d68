// Floor study, NOT shipped (see README.md here): the smallest implementation we found of the
// behaviour of @credkit/core's Fido2 registration path (registerCredential + createFetcher), written
// only to measure what that behaviour costs in bytes. Terse on purpose (lint is off for this folder);
// src/floor.test.ts holds it to the same behaviour checks as the real core.
const M = {
  unsupported: 'Passkeys are not available here.',
  cancelled: 'The passkey prompt was closed.',
  'timed-out': 'The passkey prompt timed out.',
  'already-registered': 'This authenticator already has a passkey for you.',
  constraint: 'This authenticator cannot meet the requirements.',
  'unsupported-algorithm': 'This authenticator supports none of the algorithms.',
  security: 'The passkey request does not match this site.',
  aborted: 'The registration was stopped.',
  'invalid-challenge': 'The server sent an unusable challenge.',
  'invalid-input': 'The request is incomplete.',
  'wrong-password': 'Wrong password or recovery code.',
  'no-signing-credential': 'No passkey here can confirm this change.',
  forbidden: 'The server did not allow this.',
  server: 'The server refused the request.',
  network: 'The server could not be reached.',
  unknown: 'Something went wrong.',
};
export class CredkitError extends Error {
  constructor(code, d = {}) {
    super(d.message || M[code], d); // d.cause becomes the cause
    this.name = 'CredkitError';
    this.code = code;
    this.phase = d.phase;
    this.status = d.status;
    this.serverMessage = d.serverMessage;
  }
}
// E(code, message?, cause?, status?, serverMessage?): message 0 = the default one
const E = (code, message, cause, status, serverMessage) =>
  new CredkitError(code, { message, cause, status, serverMessage });
const fail = (...a) => {
  throw E(...a);
};
const isErr = (e) => e instanceof CredkitError || (e?.name == 'CredkitError' && e.code?.big);

// base64url of an ArrayBuffer (throws on anything else); bytes (an ArrayBuffer) of base64url; UTF-8 bytes
const b64 = (b) =>
  btoa(String.fromCharCode(...new Uint8Array(b?.byteLength >= 0 ? b : -1)))
    .replace(/=/g, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
const unb64 = (t) => {
  if (!/^[\w-]*={0,2}$/.test(t)) throw 0;
  return Uint8Array.from(atob(t.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
};

// Shapes: 's' string, 's+' non-empty, 'b' boolean, 'n' number, '=a|b' one of; '?' suffix or member: may be missing.
// f gets "path must be …".
const T = { s: 'string', b: 'boolean', n: 'number' };
const check = (v, s, f, p) => {
  const want = (x) => f(`${p || 'response'} must be ${x}`);
  if (s.call) s(v) || want('base64url');
  else if (s.big) {
    if (v === undefined && s.endsWith('?')) return;
    s = s.replace('?', '');
    if (s[0] == '=') (s = s.slice(1).split('|')).includes(v) || want('one of ' + s);
    else typeof v == T[s[0]] || want('a ' + T[s[0]]), s[1] && !v && want('non-empty');
  } else if (s.map) {
    v?.map || want('an array');
    v.map((x, i) => check(x, s[0], f, `${p}[${i}]`));
  } else if (typeof v == 'object' && v && !v.map) {
    for (const k in s) k != '?' && check(v[k], s[k], f, p ? p + '.' + k : k);
  } else if (v !== undefined || !s['?']) want('an object');
  return v;
};
const R = '=required|preferred|discouraged';
const PK = '=public-key';
const CHALLENGE = {
  kind: '=Fido2',
  user: { id: 's+', name: 's', displayName: 's' },
  challengeIdentifier: 's+',
  challenge: 's+',
  rp: { '?': 1, id: 's', name: 's' },
  authenticatorSelection: {
    authenticatorAttachment: '=platform|cross-platform?',
    residentKey: R,
    requireResidentKey: 'b',
    userVerification: R,
  },
  attestation: '=none|indirect|direct|enterprise',
  pubKeyCredParams: [{ type: PK, alg: 'n' }],
  excludeCredentials: [
    {
      type: PK,
      id: (v) => {
        try {
          return v && unb64(v);
        } catch {}
      },
    },
  ],
  temporaryAuthenticationToken: 's?',
};
const CREDENTIAL = {
  kind: '=Fido2|Key|Password|Totp|RecoveryKey|PasswordProtectedKey',
  credentialId: 's+',
  credentialUuid: 's+',
  dateCreated: 's',
  isActive: 'b',
  name: 's',
  publicKey: 's',
  relyingPartyId: 's',
  origin: 's',
};
const badChallenge = (m) => fail('invalid-challenge', `The server sent an invalid challenge: ${m}.`);

// Fetcher
const serverError = (status, body, cause) => {
  let m = body?.error?.message ?? body?.message;
  m = (m?.big && m) || undefined;
  return E(
    status == 403 ? 'forbidden' : 'server',
    m || `The server refused the request (HTTP ${status}).`,
    cause,
    status,
    m,
  );
};
const toFetcherError = (e, signal, s) =>
  isErr(e)
    ? e
    : signal?.aborted || (e instanceof Error && e.name == 'AbortError')
      ? E('aborted', 0, e)
      : e instanceof TypeError
        ? E('network', 0, e)
        : typeof (s = typeof e?.httpStatus == 'number' ? e.httpStatus : e?.status) == 'number'
          ? serverError(s, e.context?.body ?? e, e)
          : E('unknown', 0, e);
export const createFetcher =
  ({ baseUrl, headers, fetch: f, init }) =>
  async ({ method, path, body, bodyText = JSON.stringify(body), headers: h, signal }) => {
    const H = new Headers(headers?.call ? await headers() : headers),
      J = 'application/json';
    let r, t, v;
    for (const k in h) H.set(k, h[k]);
    H.set('Accept', J);
    bodyText === undefined || H.set('Content-Type', J);
    try {
      r = await (f || fetch)(baseUrl.replace(/\/+$/, '') + path, {
        ...init,
        method,
        headers: H,
        body: bodyText,
        signal,
      });
      t = await r.text();
    } catch (e) {
      throw toFetcherError(e, signal);
    }
    try {
      v = t.trim() ? JSON.parse(t) : undefined;
    } catch {
      r.ok && fail('server', `The server's answer to ${method} ${path} is not JSON.`, undefined, r.status);
    }
    if (!r.ok) throw serverError(r.status, v);
    return v;
  };

// Registration
const abortError = (signal, cause, r = signal.reason) => (isErr(r) ? r : E('aborted', 0, cause ?? r));
const parts = (x) => [x.rawId, (x = x.response).clientDataJSON, x.attestationObject];
const STEER = {
  'this-device': ['client-device', 'platform'],
  'security-key': ['security-key', 'cross-platform'],
  phone: ['hybrid', 'cross-platform'],
};
// the three binary members through f (challenge, user.id) and g (excludeCredentials[].id)
const bin = (o, f, g = f) => ({
  ...o,
  challenge: f(o.challenge),
  user: { ...o.user, id: f(o.user.id) },
  excludeCredentials: o.excludeCredentials.map((d) => ({ ...d, id: g(d.id) })),
});
const VERDICTS = {
  __proto__: null,
  AbortError: () => ['aborted'],
  InvalidStateError: () => ['already-registered'],
  NotAllowedError: (o, ms) => [ms >= o.timeout * 0.95 ? 'timed-out' : 'cancelled'],
  ConstraintError: ({ authenticatorSelection: s }) => [
    'constraint',
    s?.requireResidentKey || s?.residentKey == 'required'
      ? 'This authenticator cannot store a discoverable passkey.'
      : s?.userVerification == 'required'
        ? 'This authenticator cannot verify you (no PIN or biometrics).'
        : 0,
  ],
  NotSupportedError: (o) =>
    o.pubKeyCredParams.some((p) => p.type == 'public-key')
      ? ['unsupported-algorithm']
      : ['invalid-challenge', 'The challenge has no "public-key" pubKeyCredParams entry.'],
  SecurityError: ({ rp }) => [
    'security',
    rp.id !== undefined &&
      globalThis.location &&
      `The passkey is for "${rp.id}", which this page (${location.hostname}) may not use.`,
  ],
  TypeError: ({ user }, n) =>
    (n = user.id.byteLength) < 1 || n > 64
      ? ['invalid-challenge', `The challenge's user.id is ${n} bytes (1 to 64 allowed).`]
      : 0,
};

export async function registerCredential(o) {
  const { fetcher, signal, onPhase, userActionSigner: signer, rp } = o;
  const name = o.credentialName?.trim?.() || fail('invalid-input', 'Give the credential a name.');
  signer &&
    !signer.obtainUserAction?.call &&
    fail('invalid-input', 'Wrap this userActionSigner with withUserActionProtocol().');
  const g = globalThis;
  const stop = () => {
    if (signal?.aborted) throw abortError(signal);
  };
  const enter = (p) => {
    phase = p;
    onPhase?.(p);
  };
  const fetchError = (e) => (signal?.aborted ? abortError(signal, e) : toFetcherError(e, signal));
  let phase = 'ceremony',
    c = o.challenge,
    credential,
    v;
  try {
    const credentials =
      o.credentials ||
      (g.isSecureContext !== false && g.PublicKeyCredential && g.navigator?.credentials?.create
        ? navigator.credentials
        : fail('unsupported'));
    phase = 'challenge';
    stop();
    if (!c) {
      enter('challenge');
      c = check(
        await fetcher({ method: 'POST', path: '/auth/credentials/init', body: { kind: 'Fido2' }, signal }).catch(
          (e) => {
            e = fetchError(e);
            throw e.code == 'server' && e.status < 300
              ? E('invalid-challenge', `The server sent an invalid challenge: ${e.message}`, e)
              : e;
          },
        ),
        CHALLENGE,
        badChallenge,
      );
    }
    stop();

    // Options
    enter('ceremony');
    const { kind, challengeIdentifier, temporaryAuthenticationToken, rp: _, ...rest } = c;
    const steer = STEER[o.authenticator];
    const json = bin(
      {
        ...rest,
        rp: { id: rp.id, name: rp.name },
        timeout: o.timeout ?? 6e4,
        excludeCredentials: c.excludeCredentials.slice(-64),
        ...(steer && {
          hints: [steer[0]],
          authenticatorSelection: { ...c.authenticatorSelection, authenticatorAttachment: steer[1] },
        }),
      },
      (s) => b64(new TextEncoder().encode(s)),
      (s) => b64(unb64(s)),
    );
    let publicKey;
    try {
      publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(json);
    } catch {
      publicKey = bin(json, unb64);
    }

    // Ceremony, with its own controller, under a watchdog
    const ctl = new AbortController(),
      s = ctl.signal,
      t0 = Date.now(),
      forward = () => ctl.abort(signal?.reason);
    let fired;
    const timer = setTimeout(
      () => {
        fired = 1;
        ctl.abort();
      },
      publicKey.timeout + (o.watchdogGraceMs ?? 3e3),
    );
    try {
      credential = await new Promise((res, rej) => {
        s.onabort = () => rej(s.reason);
        signal?.aborted && forward();
        signal?.addEventListener('abort', forward);
        credentials.create({ publicKey, signal: s, ...(o.mediation && { mediation: o.mediation }) }).then(res, rej);
      });
    } catch (e) {
      const n = e?.name,
        [code, message] = VERDICTS[n]?.(publicKey, Date.now() - t0) || [
          'unknown',
          `Something went wrong creating the passkey: ${n}.`,
        ];
      throw fired ? E('timed-out', 0, e) : s.aborted ? abortError(s, e) : isErr(e) ? e : E(code, message, e);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }

    // Payload: toJSON() when sound, else the ArrayBuffers
    try {
      const j = credential.toJSON();
      v = parts(j);
      if (!v.every((x) => x?.big && /^[\w-]+$/.test(x))) throw 0;
    } catch {
      try {
        v = parts(credential).map(b64);
      } catch {
        fail('unknown', 'The browser returned no usable credential.', credential);
      }
    }
    stop();

    // Submit, signed first when there is a signer
    const req = {
      method: 'POST',
      path: '/auth/credentials',
      body: {
        credentialKind: 'Fido2',
        credentialInfo: { credId: v[0], clientData: v[1], attestationData: v[2] },
        credentialName: name,
        challengeIdentifier,
      },
      signal,
    };
    if (signer) {
      req.bodyText = JSON.stringify(req.body);
      enter('signing');
      req.headers = { 'X-DFNS-USERACTION': await signer.obtainUserAction(fetcher, { ...req }, signal) };
      stop();
    }
    enter('submitting');
    return check(
      await fetcher(req).catch((e) => {
        throw fetchError(e);
      }),
      CREDENTIAL,
      (m) => fail('server', `The server's new credential is not usable: ${m}.`),
    );
  } catch (e) {
    e = isErr(e) ? e : E('unknown', 0, e);
    e.phase ??= phase;
    throw e;
  }
}
