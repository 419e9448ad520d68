// What each Dfns call of the demo is for, in one line: the wire panel's captions.
import type { ShownBody } from './redact.ts';
import type { WireOperation, WireStep } from './wireLog.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Route {
  /** The operation a step of this route belongs to. */
  operation: string;
  /** What the step does. */
  note: string;
}

const ROUTES: Record<string, Route> = {
  'POST /auth/registration/init': {
    operation: 'Sign up',
    note: 'Asks for a registration challenge; the temporary token in the answer authorises the next step.',
  },
  'POST /auth/registration': {
    operation: 'Sign up',
    note: 'Posts the first credential, made over the challenge; the answer signs the user in.',
  },
  'POST /auth/registration/enduser': {
    operation: 'Sign up',
    note: 'Posts the first credential, made over the challenge; the answer signs the user in.',
  },
  'POST /auth/login/init': {
    operation: 'Sign in',
    note: 'Asks for a login challenge and the credentials that may answer it.',
  },
  'POST /auth/login': { operation: 'Sign in', note: 'Posts the signed challenge; the answer is the session token.' },
  'POST /auth/login/code': { operation: 'Send a login code', note: 'Asks the server to e-mail a one-time login code.' },
  'POST /auth/credentials/init': {
    operation: 'Add a credential',
    note: 'Asks for the challenge the new credential answers. The kit fetches it ahead: the click goes straight to the prompt.',
  },
  'POST /auth/action/init': {
    operation: 'User action',
    note: 'Asks for a user-action challenge over the request to come: its method, path and exact body.',
  },
  'POST /auth/action': {
    operation: 'User action',
    note: 'Posts an existing passkey’s signature of that challenge; the userAction token in the answer goes in X-DFNS-USERACTION.',
  },
  'POST /auth/credentials': {
    operation: 'Add a credential',
    note: 'Posts the new credential, with the user action in X-DFNS-USERACTION.',
  },
  'PUT /auth/credentials/deactivate': {
    operation: 'Deactivate a credential',
    note: 'Deactivates a credential, with the user action in X-DFNS-USERACTION.',
  },
  'PUT /auth/credentials/activate': {
    operation: 'Activate a credential',
    note: 'Activates a credential again, with the user action in X-DFNS-USERACTION.',
  },
  'POST /auth/credentials/code': {
    operation: 'Code for another device',
    note: 'Asks for a one-time code the other device registers with, signed as a user action.',
  },
  'POST /auth/credentials/code/init': {
    operation: 'Add this device',
    note: 'Trades the one-time code for a credential challenge.',
  },
  'POST /auth/credentials/code/verify': {
    operation: 'Add this device',
    note: 'Posts the new passkey, made over that challenge.',
  },
  'POST /auth/recover/user/code': {
    operation: 'Send a recovery code',
    note: 'Asks the server to e-mail a verification code.',
  },
  'POST /auth/recover/user/init': {
    operation: 'Recover the account',
    note: 'Trades the e-mailed code for a challenge, a temporary token and the encrypted recovery key.',
  },
  'POST /auth/recover/user': {
    operation: 'Recover the account',
    note: 'Posts the recovery key’s signature and the new credentials; every old credential ends.',
  },
  'PUT /auth/logout': { operation: 'Sign out', note: 'Ends the session on the server.' },
};

function routeOf(step: Pick<WireStep, 'method' | 'path'>): Route | undefined {
  return ROUTES[`${step.method} ${step.path.split('?')[0]}`];
}

/** What a step does, in one line (nothing for a route the demo does not know). */
export function stepNote(step: WireStep): string | undefined {
  return routeOf(step)?.note;
}

/** An operation's name: from its last step that names one other than the user action it needed. */
export function operationTitle(operation: WireOperation): string {
  const names = operation.steps.map((step) => routeOf(step)?.operation).filter((name) => name !== undefined);
  return names.findLast((name) => name !== 'User action') ?? names.at(-1) ?? 'API call';
}

/** One highlighted fact of a step: what a Dfns developer looks for first. */
export interface StepFact {
  label: string;
  value: string;
}

const json = (body: ShownBody | undefined) => (body?.kind === 'json' ? body.value : undefined);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The facts of a step: the challenge, the user-action round, the credential posted and the one that signed. */
export function stepFacts(step: WireStep): StepFact[] {
  const facts: StepFact[] = [];
  const request = json(step.requestBody);
  const answer = step.response?.kind === 'answer' ? json(step.response.body) : undefined;
  if (isRecord(answer) && text(answer.challenge)) facts.push({ label: 'Challenge', value: String(answer.challenge) });
  if (isRecord(request) && text(request.userActionHttpPath)) {
    facts.push({
      label: 'Signs',
      value: `${text(request.userActionHttpMethod) ?? ''} ${String(request.userActionHttpPath)}`.trim(),
    });
  }
  if (isRecord(answer) && 'userAction' in answer) {
    facts.push({ label: 'userAction', value: `${String(answer.userAction)}, sent next as X-DFNS-USERACTION` });
  }
  const userAction = step.requestHeaders.find(([name]) => name === 'x-dfns-useraction');
  if (userAction) facts.push({ label: 'X-DFNS-USERACTION', value: userAction[1] });
  for (const credential of postedCredentials(request)) facts.push({ label: 'Credential posted', value: credential });
  const signer = isRecord(request) && isRecord(request.firstFactor) ? request.firstFactor : undefined;
  if (signer) {
    const assertion = isRecord(signer.credentialAssertion) ? signer.credentialAssertion : undefined;
    facts.push({ label: 'Signed with', value: `${text(signer.kind) ?? ''} ${text(assertion?.credId) ?? ''}`.trim() });
  }
  return facts;
}

/** `Fido2 <credId>` for each credential a request posts: a new credential, a sign-up's first, a recovery's. */
function postedCredentials(body: unknown): string[] {
  if (!isRecord(body)) return [];
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isRecord(value)) return;
    const kind = text(value.credentialKind);
    const info = isRecord(value.credentialInfo) ? value.credentialInfo : undefined;
    if (kind && info) found.push(`${kind} ${text(info.credId) ?? ''}`.trim());
    else Object.values(value).forEach(visit);
  };
  visit(body);
  return found;
}
