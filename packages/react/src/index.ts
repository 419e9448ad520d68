'use client';

export { credentialsQueryKey } from './queryKeys.ts';
export type { RegisterCredentialProps } from './RegisterCredential.tsx';
export { RegisterCredential } from './RegisterCredential.tsx';
export { useCredentials } from './useCredentials.ts';
export type {
  RegisterPasskeyPhase,
  UseRegisterPasskeyOptions,
  UseRegisterPasskeyResult,
} from './useRegisterPasskey.ts';
export { useRegisterPasskey } from './useRegisterPasskey.ts';
