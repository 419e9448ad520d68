import { type NameKind, normalizeName } from '@credkit/names';
import { badRequest } from '../errors.ts';
import { stringField } from './requestBody.ts';

/**
 * The name at `path` by the rule the kit applies too (`@credkit/names`): NFC-normalised and trimmed;
 * blank, too long (in code points), control or bidi characters, nothing visible → a 400 naming it.
 */
export function nameField(value: unknown, path: string, kind: NameKind): string {
  const checked = normalizeName(stringField(value, path), kind);
  if (!checked.ok) throw badRequest(`${path} ${checked.problem}`);
  return checked.name;
}
