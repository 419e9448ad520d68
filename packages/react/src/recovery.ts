'use client';

// @credkit/react/recovery: the recovery-code step on its own, for hosts that build their own form.
// A separate entry so that <RegisterCredential> can load it on first use of the RecoveryKey kind
// (from the root entry, esbuild would link it into every app's main chunk).
export type { RecoveryCodeStepProps } from './RecoveryCodeStep.tsx';
export { RecoveryCodeStep } from './RecoveryCodeStep.tsx';
export type { RecoveryCodeMessages } from './recoveryMessages.ts';
export { englishRecoveryMessages } from './recoveryMessages.ts';
