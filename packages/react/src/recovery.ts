'use client';

// @credkit/react/recovery: the recovery-code step on its own, for hosts that build their own form.
// A separate entry so that <RegisterCredential> can load it on first use of the RecoveryKey kind
// (from the root entry, esbuild would link it into every app's main chunk).
export type { RecoveryCodeStepProps } from './RecoveryCode/RecoveryCodeStep.tsx';
export { RecoveryCodeStep } from './RecoveryCode/RecoveryCodeStep.tsx';
export type { RecoveryCodeMessages } from './RecoveryCode/recoveryMessages.ts';
export { englishRecoveryMessages } from './RecoveryCode/recoveryMessages.ts';
