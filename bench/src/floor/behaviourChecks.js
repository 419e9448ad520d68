// The behaviour the floor study must keep (bench/src/floor/README.md), as plain checks: the same
// ones run against @credkit/core and against the floor file, so the two sizes compare like for like.
// Mocks stand in for fetch, navigator.credentials.create and the native JSON parser; the real
// ceremony is covered by core's own tests and the e2e suite. Returns the failed checks' names.

/** What POST /auth/credentials answers in the checks: a valid new credential. */
export const CREATED_CREDENTIAL = {
  kind: 'Fido2',
  credentialId: 'cid1',
  credentialUuid: 'cr-1',
  dateCreated: 'd',
  isActive: true,
  name: 'My key',
  publicKey: 'pk',
  relyingPartyId: 'rp',
  origin: 'o',
};

/** @param {{ registerCredential: Function, createFetcher: Function, CredkitError: Function }} mod */
export async function checkBehaviour({ registerCredential, createFetcher, CredkitError }) {
  const failures = [];
  const ok = (c, m) => {
    if (!c) failures.push(m);
  };
  const enc = (s) => Buffer.from(s).toString('base64url');
  const ab = (s) => {
    const b = Buffer.from(s);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  };
  const CH = () => ({
    kind: 'Fido2',
    challenge: 'chal-utf8',
    challengeIdentifier: 'cid',
    user: { id: 'uid', name: 'n', displayName: 'd' },
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'direct',
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    excludeCredentials: Array.from({ length: 70 }, (_, i) => ({ type: 'public-key', id: enc('c' + i) })),
    temporaryAuthenticationToken: 't',
    rp: { id: 'x', name: 'y' },
    extensions: { credProps: true },
  });
  const RESP = CREATED_CREDENTIAL;
  function server(routes) {
    const calls = [];
    const fetch = async (url, init) => {
      calls.push({ url, init });
      const r = routes[url.replace('https://api.test', '')];
      if (r instanceof Error) throw r;
      const [status, body] = r(init);
      return new Response(typeof body == 'string' ? body : JSON.stringify(body), { status });
    };
    return {
      calls,
      fetcher: createFetcher({
        baseUrl: 'https://api.test/',
        headers: async () => ({ Authorization: 'Bearer T' }),
        fetch,
        init: { credentials: 'include' },
      }),
    };
  }
  const cred = { rawId: ab('raw'), response: { clientDataJSON: ab('cdj'), attestationObject: ab('att') } };
  const creator = (impl) => {
    const seen = [];
    return {
      seen,
      create: (o) => {
        seen.push(o);
        return impl(o);
      },
    };
  };
  const base = (x) => ({ rp: { id: 'example.com', name: 'Ex' }, credentialName: '  My key ', ...x });
  async function err(p) {
    try {
      await p;
      return null;
    } catch (e) {
      return e;
    }
  }

  // 1 happy path, no signer
  {
    const { calls, fetcher } = server({
      '/auth/credentials/init': () => [200, CH()],
      '/auth/credentials': () => [200, RESP],
    });
    const phases = [];
    const cr = creator(async () => cred);
    const r = await registerCredential(
      base({ fetcher, credentials: cr, onPhase: (p) => phases.push(p), authenticator: 'phone' }),
    );
    ok(r.credentialUuid == 'cr-1', 'happy result');
    ok(phases.join() == 'challenge,ceremony,submitting', 'phases ' + phases);
    const pk = cr.seen[0].publicKey;
    ok(Buffer.from(pk.challenge).toString() == 'chal-utf8', 'challenge bytes utf8');
    ok(Buffer.from(pk.user.id).toString() == 'uid', 'user.id bytes');
    ok(
      pk.excludeCredentials.length == 64 && Buffer.from(pk.excludeCredentials[0].id).toString() == 'c6',
      'excl last 64',
    );
    ok(
      pk.hints[0] == 'hybrid' &&
        pk.authenticatorSelection.authenticatorAttachment == 'cross-platform' &&
        pk.authenticatorSelection.residentKey == 'required',
      'steer',
    );
    ok(
      pk.rp.id == 'example.com' &&
        pk.timeout == 60000 &&
        !('kind' in pk) &&
        !('challengeIdentifier' in pk) &&
        !('temporaryAuthenticationToken' in pk) &&
        pk.extensions.credProps,
      'options',
    );
    ok(cr.seen[0].signal instanceof AbortSignal && !('mediation' in cr.seen[0]), 'signal');
    const b = JSON.parse(calls[1].init.body);
    ok(
      b.credentialKind == 'Fido2' &&
        b.credentialName == 'My key' &&
        b.challengeIdentifier == 'cid' &&
        b.credentialInfo.credId == enc('raw') &&
        b.credentialInfo.clientData == enc('cdj') &&
        b.credentialInfo.attestationData == enc('att'),
      'body ' + calls[1].init.body,
    );
    const h = calls[0].init.headers;
    ok(
      h.get('authorization') == 'Bearer T' &&
        h.get('accept') == 'application/json' &&
        h.get('content-type') == 'application/json' &&
        calls[0].init.credentials == 'include' &&
        calls[0].url == 'https://api.test/auth/credentials/init',
      'headers',
    );
  }
  // 2 signer, toJSON path, parseCreationOptionsFromJSON
  {
    globalThis.PublicKeyCredential = { parseCreationOptionsFromJSON: (j) => ({ ...j, parsed: 1 }) };
    const { calls, fetcher } = server({
      '/auth/credentials/init': () => [200, CH()],
      '/auth/credentials': () => [200, RESP],
    });
    const phases = [];
    let sreq;
    const signer = {
      obtainUserAction: async (f, req, s) => {
        sreq = req;
        return 'UA';
      },
    };
    const c2 = {
      ...cred,
      toJSON: () => ({ rawId: 'AAA', response: { clientDataJSON: 'BBB', attestationObject: 'CCC' } }),
    };
    const cr = creator(async () => c2);
    await registerCredential(
      base({
        fetcher,
        credentials: cr,
        userActionSigner: signer,
        onPhase: (p) => phases.push(p),
        mediation: 'conditional',
        timeout: 1000,
      }),
    );
    ok(
      cr.seen[0].publicKey.parsed && cr.seen[0].mediation == 'conditional' && cr.seen[0].publicKey.timeout == 1000,
      'native parser + mediation',
    );
    ok(cr.seen[0].publicKey.challenge == enc('chal-utf8'), 'json challenge');
    ok(phases.join() == 'challenge,ceremony,signing,submitting', 'signer phases ' + phases);
    ok(
      sreq.bodyText == calls[1].init.body &&
        sreq.path == '/auth/credentials' &&
        calls[1].init.headers.get('x-dfns-useraction') == 'UA',
      'signed body',
    );
    ok(JSON.parse(sreq.bodyText).credentialInfo.credId == 'AAA', 'toJSON used');
    globalThis.PublicKeyCredential = {
      parseCreationOptionsFromJSON: () => {
        throw new Error();
      },
    };
    const cr3 = creator(async () => cred);
    await registerCredential(base({ fetcher, credentials: cr3 }));
    ok(
      cr3.seen[0].publicKey.challenge instanceof ArrayBuffer || ArrayBuffer.isView(cr3.seen[0].publicKey.challenge),
      'fallback when parser throws',
    );
    delete globalThis.PublicKeyCredential;
  }
  // 3 invalid challenges
  for (const [mut, path] of [
    [(c) => delete c.user.id, 'user.id'],
    [(c) => (c.excludeCredentials[3].id = 'a+b'), 'excludeCredentials[3].id'],
    [(c) => (c.attestation = 'x'), 'attestation'],
    [(c) => (c.pubKeyCredParams[0].alg = 'x'), 'pubKeyCredParams[0].alg'],
    [(c) => (c.authenticatorSelection.authenticatorAttachment = 'x'), 'authenticatorSelection.authenticatorAttachment'],
    [(c) => (c.rp = 5), 'rp'],
    [(c) => (c.kind = 'Key'), 'kind'],
    [(c) => (c.challenge = ''), 'challenge'],
  ]) {
    const c = CH();
    mut(c);
    const { fetcher } = server({ '/auth/credentials/init': () => [200, c] });
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(
      e?.code == 'invalid-challenge' && e.phase == 'challenge' && e.message.includes(path),
      'invalid ' + path + ': ' + e?.message,
    );
  }
  {
    const c = CH();
    delete c.rp;
    delete c.authenticatorSelection.authenticatorAttachment;
    delete c.temporaryAuthenticationToken;
    const { fetcher } = server({ '/auth/credentials/init': () => [200, c], '/auth/credentials': () => [200, RESP] });
    ok(!(await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })))), 'optional members');
  }
  {
    const { fetcher } = server({ '/auth/credentials/init': () => [200, '<html>'] });
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(e?.code == 'invalid-challenge' && e.phase == 'challenge', '2xx non-JSON ' + e?.code);
  }
  // 4 server errors
  {
    const { fetcher } = server({ '/auth/credentials/init': () => [403, { error: { message: 'nope' } }] });
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(
      e instanceof CredkitError &&
        e.code == 'forbidden' &&
        e.status == 403 &&
        e.serverMessage == 'nope' &&
        e.phase == 'challenge' &&
        e.message == 'nope',
      '403',
    );
  }
  {
    const { fetcher } = server({ '/auth/credentials/init': () => [500, 'oops'] });
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(e?.code == 'server' && e.status == 500 && e.message.includes('500'), '500 text ' + e?.message);
  }
  {
    const { fetcher } = server({ '/auth/credentials/init': new TypeError('Failed to fetch') });
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(
      e?.code == 'network' && e.phase == 'challenge' && e.cause instanceof TypeError && e.message.length > 10,
      'network',
    );
  }
  {
    const fetcher = async () => {
      throw Object.assign(new Error('dfns'), { httpStatus: 401, context: { body: { message: 'bad token' } } });
    };
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(e?.code == 'server' && e.status == 401 && e.serverMessage == 'bad token', 'DfnsError');
  }
  {
    const fetcher = async () => {
      throw { status: 403, message: 'x' };
    };
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(e?.code == 'forbidden', 'status obj');
  }
  // 5 inputs
  {
    const e = await err(registerCredential(base({ credentialName: '  ' })));
    ok(e?.code == 'invalid-input' && e.phase === undefined, 'empty name');
  }
  {
    const e = await err(registerCredential(base({ userActionSigner: { sign() {} } })));
    ok(e?.code == 'invalid-input', 'bare signer');
  }
  {
    const e = await err(registerCredential(base({ fetcher: async () => CH() })));
    ok(e?.code == 'unsupported' && e.phase == 'ceremony', 'unsupported ' + e?.code);
  }
  // 6 abort / watchdog
  {
    const ac = new AbortController();
    const cr = creator(() => new Promise(() => {}));
    const p = registerCredential(base({ fetcher: async () => CH(), credentials: cr, signal: ac.signal }));
    setTimeout(() => ac.abort(), 20);
    const e = await err(p);
    ok(e?.code == 'aborted' && e.phase == 'ceremony', 'abort hangs ' + e?.code + e?.phase);
  }
  {
    const ac = new AbortController();
    const cr = creator(() => new Promise(() => {}));
    const p = registerCredential(base({ fetcher: async () => CH(), credentials: cr, signal: ac.signal }));
    setTimeout(() => ac.abort(new CredkitError('cancelled')), 20);
    const e = await err(p);
    ok(e?.code == 'cancelled' && e.phase == 'ceremony', 'abort reason');
  }
  {
    const ac = new AbortController();
    ac.abort();
    const e = await err(
      registerCredential(
        base({ fetcher: async () => CH(), credentials: creator(async () => cred), signal: ac.signal }),
      ),
    );
    ok(e?.code == 'aborted' && e.phase == 'challenge', 'pre-aborted');
  }
  {
    const t = Date.now();
    const e = await err(
      registerCredential(
        base({
          fetcher: async () => CH(),
          credentials: creator(() => new Promise(() => {})),
          timeout: 40,
          watchdogGraceMs: 10,
        }),
      ),
    );
    ok(e?.code == 'timed-out' && e.phase == 'ceremony' && Date.now() - t < 500, 'watchdog');
  }
  // 7 DOMException classification
  const dom = (n) => async () => {
    throw new DOMException('m', n);
  };
  const slow = (n, ms) => () => new Promise((_, j) => setTimeout(() => j(new DOMException('m', n)), ms));
  for (const [impl, code, x = {}, msg] of [
    [dom('InvalidStateError'), 'already-registered'],
    [dom('NotAllowedError'), 'cancelled'],
    [slow('NotAllowedError', 60), 'timed-out', { timeout: 60 }],
    [dom('ConstraintError'), 'constraint', {}, 'discoverable'],
    [dom('NotSupportedError'), 'unsupported-algorithm'],
    [dom('SecurityError'), 'security'],
    [dom('WeirdError'), 'unknown', {}, 'WeirdError'],
    [async () => null, 'unknown'],
    [dom('AbortError'), 'aborted'],
  ]) {
    const e = await err(registerCredential(base({ fetcher: async () => CH(), credentials: creator(impl), ...x })));
    ok(
      e?.code == code && e.phase == 'ceremony' && (!msg || e.message.includes(msg)),
      'dom ' + code + ' got ' + e?.code + ' ' + e?.message,
    );
  }
  {
    globalThis.location = { hostname: 'evil.test' };
    const e = await err(
      registerCredential(base({ fetcher: async () => CH(), credentials: creator(dom('SecurityError')) })),
    );
    ok(e.message.includes('example.com') && e.message.includes('evil.test'), 'security msg');
    delete globalThis.location;
  }
  {
    const c = CH();
    c.pubKeyCredParams = [];
    const e = await err(
      registerCredential(base({ fetcher: async () => c, credentials: creator(dom('NotSupportedError')) })),
    );
    ok(e?.code == 'invalid-challenge', 'no public-key');
  }
  {
    const c = CH();
    c.user.id = 'u'.repeat(65);
    const e = await err(
      registerCredential(
        base({
          fetcher: async () => c,
          credentials: creator(async () => {
            throw new TypeError('x');
          }),
        }),
      ),
    );
    ok(e?.code == 'invalid-challenge' && e.message.includes('65'), 'user.id length');
  }
  {
    const c = CH();
    c.authenticatorSelection = { residentKey: 'preferred', requireResidentKey: false, userVerification: 'required' };
    const e = await err(
      registerCredential(base({ fetcher: async () => c, credentials: creator(dom('ConstraintError')) })),
    );
    ok(/PIN|verif/.test(e?.message), 'uv msg');
  }
  // 8 response validation
  {
    const { fetcher } = server({
      '/auth/credentials/init': () => [200, CH()],
      '/auth/credentials': () => [200, { ...RESP, isActive: 'yes' }],
    });
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(e?.code == 'server' && e.phase == 'submitting' && e.message.includes('isActive'), 'resp ' + e?.message);
  }
  {
    const { fetcher } = server({
      '/auth/credentials/init': () => [200, CH()],
      '/auth/credentials': () => [200, { ...RESP, credentialUuid: '' }],
    });
    const e = await err(registerCredential(base({ fetcher, credentials: creator(async () => cred) })));
    ok(e?.code == 'server' && e.message.includes('credentialUuid'), 'resp uuid');
  }
  {
    const signer = {
      obtainUserAction: async () => {
        throw new Error('boom');
      },
    };
    const e = await err(
      registerCredential(
        base({ fetcher: async () => CH(), credentials: creator(async () => cred), userActionSigner: signer }),
      ),
    );
    ok(e?.code == 'unknown' && e.phase == 'signing', 'signer fail');
  }
  // 9 fetcher details
  {
    let got;
    const f = createFetcher({
      baseUrl: 'https://a',
      headers: { A: '1' },
      fetch: async (u, i) => {
        got = i;
        return new Response('{"a":1}');
      },
    });
    const r = await f({ method: 'POST', path: '/p', body: { z: 1 }, bodyText: '{"z": 1}', headers: { B: '2' } });
    ok(
      r.a == 1 && got.body == '{"z": 1}' && got.headers.get('a') == '1' && got.headers.get('b') == '2',
      'fetcher bodyText',
    );
    const g = createFetcher({
      baseUrl: 'https://a',
      fetch: async (u, i) => {
        got = i;
        return new Response('');
      },
    });
    ok(
      (await g({ method: 'GET', path: '/p' })) === undefined &&
        got.body === undefined &&
        !got.headers.has('content-type'),
      'GET no body',
    );
    const h = createFetcher({ baseUrl: 'https://a', fetch: async () => new Response('not json') });
    const e = await err(h({ method: 'GET', path: '/p' }));
    ok(e?.code == 'server' && e.status == 200, 'non-JSON success');
    const ac = new AbortController();
    ac.abort();
    const k = createFetcher({
      baseUrl: 'https://a',
      fetch: async (u, i) => {
        i.signal.throwIfAborted();
      },
    });
    ok((await err(k({ method: 'GET', path: '/p', signal: ac.signal })))?.code == 'aborted', 'fetch abort');
    const m = createFetcher({
      baseUrl: 'https://a',
      fetch: async () => new Response('{"message":"m"}', { status: 400 }),
    });
    const e2 = await err(m({ method: 'GET', path: '/p' }));
    ok(e2?.serverMessage == 'm' && e2.status == 400, 'message body');
  }
  {
    const e = new CredkitError('network');
    ok(e.message && e.name == 'CredkitError' && e instanceof Error && e.code == 'network', 'class');
    const codes = [
      'unsupported',
      'cancelled',
      'timed-out',
      'already-registered',
      'constraint',
      'unsupported-algorithm',
      'security',
      'aborted',
      'invalid-challenge',
      'invalid-input',
      'wrong-password',
      'no-signing-credential',
      'forbidden',
      'server',
      'network',
      'unknown',
    ];
    ok(
      codes.every((c) => new CredkitError(c).message.length > 12),
      'all messages',
    );
  }
  return failures;
}
