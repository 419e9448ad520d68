import type { OperationRunPhase } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { sendChange } from '../userAction/sendWithUserAction.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';

/** Options of {@link setCredentialActive}. */
export interface SetCredentialActiveOptions {
  /** Makes the HTTP calls, as the signed-in user. */
  fetcher: Fetcher;
  /** The credential (`credentialUuid` of the credential list). */
  credentialUuid: string;
  /** `true` activates it, `false` deactivates it. */
  active: boolean;
  /** Confirms the change with one of the user's credentials, as Dfns requires. Adds the phase `signing`. */
  userActionSigner?: UserActionSignerWithProtocol;
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
  /** Called as the request enters each phase. */
  onPhase?: (phase: OperationRunPhase) => void;
}

/**
 * `PUT /auth/credentials/activate` or `/deactivate` `{ credentialUuid }` (user-action signed). A
 * deactivated credential can neither sign in nor confirm a change until it is activated again.
 */
export async function setCredentialActive(options: SetCredentialActiveOptions): Promise<void> {
  const { fetcher, credentialUuid, active, signal, onPhase } = options;
  const path = `/auth/credentials/${active ? 'activate' : 'deactivate'}`;
  await sendChange(
    fetcher,
    { method: 'PUT', path, body: { credentialUuid }, signal },
    options.userActionSigner,
    onPhase,
  );
}
