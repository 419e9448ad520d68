// Every export, so that the declarations are compiled.
import { MAX_NAME_LENGTH, type NormalizedName, normalizeName, usernameKey } from '@credkit/names';

export const checked: NormalizedName = normalizeName('Laptop', 'credentialName');
export const key: string = usernameKey('Ada@example.com');
export const max: number = MAX_NAME_LENGTH.username;
