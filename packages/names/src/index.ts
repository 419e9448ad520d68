export type { NameKind, NormalizedName } from './normalizeName.ts';
export { MAX_NAME_LENGTH, normalizeName, usernameKey } from './normalizeName.ts';
