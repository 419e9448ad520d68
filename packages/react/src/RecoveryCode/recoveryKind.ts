// What <RegisterCredential> loads on first use of the RecoveryKey kind: a new recovery kit's code and ID,
// and the step that shows it (kept apart from the key flows, so a hook-only app never downloads the step).
import { generateKeyCredentialId, generateRecoveryCode } from '@credkit/core/keys';

export { RecoveryCodeStep } from './RecoveryCodeStep.tsx';
export { englishRecoveryMessages } from './recoveryMessages.ts';

/** A new recovery key's code, and the ID it will be registered under: shown together, before it is. */
export function newRecoveryKey(): { code: string; credentialId: string } {
  return { code: generateRecoveryCode(), credentialId: generateKeyCredentialId() };
}
