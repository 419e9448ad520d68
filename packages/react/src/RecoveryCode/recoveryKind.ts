// What <RegisterCredential> loads on first use of the RecoveryKey kind: the code generator and the step
// that shows the code (kept apart from the key flows, so a hook-only app never downloads the step).
export { generateRecoveryCode } from '@credkit/core/keys';
export { RecoveryCodeStep } from './RecoveryCodeStep.tsx';
export { englishRecoveryMessages } from './recoveryMessages.ts';
