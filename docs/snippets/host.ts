// What the snippets take from "your app": stand-ins, so that each snippet compiles as shown.
import type { ReactNode } from 'react';

/** Your app's way to get the signed-in user's Dfns token. */
export declare function getUserToken(): Promise<string>;
/** Where your app keeps a new user's token. */
export declare function saveToken(token: string): void;
/** Your app forgets the token (signing out). */
export declare function forgetToken(): void;
/** Your CSRF token, for a backend that proxies Dfns. */
export declare function readCsrfToken(): string;
/** Your design system's button and dialog. */
export declare function MyButton(props: { onClick: () => void; disabled?: boolean; children: ReactNode }): ReactNode;
export declare function MyDialog(props: { title: string; children: ReactNode }): ReactNode;
/** The Dfns organisation, registration code and relying party of your app. */
export declare const orgId: string;
export declare const registrationCode: string;
export declare const rp: { id: string; name: string };
/** Your backend's session: the signed-in user's Dfns token (from `POST /auth/login/delegated`) and username. */
export declare function sessionOf(request: Request): Promise<{ dfnsToken: string; username: string }>;
/** Your service account's token and the signer of its Key credential (e.g. `@dfns/sdk-keysigner`'s). */
export declare const serviceAccountToken: string;
export declare const serviceAccountSigner: import('@dfns/sdk').CredentialSigner;
/** Your backend's service account (a token and the signer of its Key credential) and its store. */
export declare const serviceAccount: { authToken: string; signer: import('@dfns/sdk').CredentialSigner };
export declare function saveDfnsToken(userId: string, token: string): Promise<void>;
/** Your app's password dialog: resolves with what the person typed, rejects when they close it, closes when `signal` aborts. */
export declare function askPassword(request: { credentialId: string; signal: AbortSignal }): Promise<string>;
