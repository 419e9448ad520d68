import { describe, expect, it } from 'vitest';
import { operationTitle, stepFacts } from './protocolNotes.ts';
import { REDACTED } from './redact.ts';
import { createWireLog, recordingFetch, type WireLog } from './wireLog.ts';

const BASE = 'https://api.example/full';

/** A `fetch` that answers each path from a table, as the mock would. */
function answering(answers: Record<string, { status?: number; body: unknown }>): typeof fetch {
  return async (input) => {
    const path = String(input).slice(BASE.length);
    const answer = answers[path];
    if (!answer) throw new TypeError('Failed to fetch');
    return Response.json(answer.body, { status: answer.status ?? 200 });
  };
}

function post(send: typeof fetch, path: string, body: unknown, headers: Record<string, string> = {}) {
  return send(`${BASE}${path}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer session-token', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const ANSWERS = {
  '/auth/credentials/init': { body: { kind: 'Fido2', challenge: 'Y2hhbGxlbmdl', challengeIdentifier: 'ci-1' } },
  '/auth/action/init': { body: { challenge: 'YWN0aW9u', challengeIdentifier: 'ci-2' } },
  '/auth/action': { body: { userAction: 'ua-secret-token' } },
  '/auth/credentials': { body: { credentialId: 'c-new', kind: 'Fido2', status: 'Active' } },
  '/auth/login/init': { status: 400, body: { error: { message: 'no such user' } } },
};

async function addCredential(log: WireLog) {
  const send = recordingFetch(log, BASE, answering(ANSWERS));
  await post(send, '/auth/credentials/init', { kind: 'Fido2' });
  const posted = { credentialKind: 'Fido2', credentialInfo: { credId: 'c-new' }, challengeIdentifier: 'ci-1' };
  await post(send, '/auth/action/init', {
    userActionHttpMethod: 'POST',
    userActionHttpPath: '/auth/credentials',
    userActionPayload: JSON.stringify(posted),
  });
  await post(send, '/auth/action', {
    challengeIdentifier: 'ci-2',
    firstFactor: { kind: 'Fido2', credentialAssertion: { credId: 'c-old' } },
  });
  await post(send, '/auth/credentials', posted, { 'X-DFNS-USERACTION': 'ua-secret-token' });
  return send;
}

describe('recordingFetch and the wire log', () => {
  it('should group a challenge, the user-action round and the POST into one operation, redacted', async () => {
    const log = createWireLog();
    await addCredential(log);
    const [operation, ...others] = log.getSnapshot();
    expect(others).toEqual([]);
    if (!operation) throw new Error('nothing recorded');
    expect(operation.state).toBe('done');
    expect(operationTitle(operation)).toBe('Add a credential');
    expect(operation?.steps.map((step) => `${step.method} ${step.path}`)).toEqual([
      'POST /auth/credentials/init',
      'POST /auth/action/init',
      'POST /auth/action',
      'POST /auth/credentials',
    ]);
    expect(operation?.steps.map((step) => step.response?.kind === 'answer' && step.response.status)).toEqual([
      200, 200, 200, 200,
    ]);
    const everything = JSON.stringify(log.getSnapshot());
    expect(everything).not.toContain('session-token');
    expect(everything).not.toContain('ua-secret-token');
    expect(everything).toContain(`Bearer ${REDACTED}`);

    const facts = operation.steps.map(stepFacts);
    expect(facts[0]).toEqual([{ label: 'Challenge', value: 'Y2hhbGxlbmdl' }]);
    expect(facts[1]).toContainEqual({ label: 'Signs', value: 'POST /auth/credentials' });
    expect(facts[2]).toContainEqual({ label: 'Signed with', value: 'Fido2 c-old' });
    expect(facts[2]).toContainEqual({ label: 'userAction', value: `${REDACTED}, sent next as X-DFNS-USERACTION` });
    expect(facts[3]).toEqual([
      { label: 'X-DFNS-USERACTION', value: REDACTED },
      { label: 'Credential posted', value: 'Fido2 c-new' },
    ]);
  });

  it('should open a new operation with the next challenge, and end one at an error status', async () => {
    const log = createWireLog();
    const send = await addCredential(log);
    // The kit fetches the next challenge ahead, then the person signs in elsewhere and is refused.
    await post(send, '/auth/credentials/init', { kind: 'Fido2' });
    expect(log.getSnapshot().map((operation) => operation.state)).toEqual(['done', 'under-way']);
    await post(send, '/auth/login/init', { username: 'nobody' });
    expect(log.getSnapshot().map((operation) => [operationTitle(operation), operation.state])).toEqual([
      ['Add a credential', 'done'],
      ['Add a credential', 'under-way'],
      ['Sign in', 'failed'],
    ]);
  });

  it('should record a call that got no answer, and not record reads', async () => {
    const log = createWireLog();
    const send = recordingFetch(log, BASE, answering({ '/auth/credentials': { body: { items: [] } } }));
    await send(`${BASE}/auth/credentials`, { method: 'GET' });
    expect(log.getSnapshot()).toEqual([]);
    await expect(post(send, '/auth/logout', {})).rejects.toThrow('Failed to fetch');
    const [operation] = log.getSnapshot();
    expect(operation?.state).toBe('failed');
    expect(operation?.steps[0]?.response).toEqual({ kind: 'no-answer', reason: 'TypeError' });
  });

  it('should keep the last operations only, and hand the caller a body it can still read', async () => {
    const log = createWireLog({ keep: 2 });
    const send = recordingFetch(log, BASE, answering(ANSWERS));
    for (let i = 0; i < 3; i++) {
      const response = await post(send, '/auth/credentials/init', { kind: 'Fido2' });
      expect(await response.json()).toEqual(ANSWERS['/auth/credentials/init'].body);
    }
    expect(log.getSnapshot()).toHaveLength(2);
  });
});
