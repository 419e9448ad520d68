import { normalizeName, usernameKey } from '@credkit/names';

export const laptop = normalizeName('  Work laptop ', 'credentialName'); // { ok: true, name: 'Work laptop' }
export const spoof = normalizeName('Bank\u202Eyek-ssap', 'credentialName'); // { ok: false, problem: 'must not contain bidirectional control characters (…)' }
export const sameUser = usernameKey('DEMO@credkit.dev') === usernameKey('demo@credkit.dev'); // true
