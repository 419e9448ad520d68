// What useRegisterPasskey loads on first use of a key kind: only `registerKeyCredential`, not all of
// `@credkit/core/keys`. A lazy chunk that reached `createKeyUserActionSigner` would reach the user-action
// protocol, which the root entry also imports; esbuild then links that shared code into the entry chunk
// even for Fido2-only apps.
export { registerKeyCredential } from '@credkit/core/keys';
