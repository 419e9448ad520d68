/** The relying party the passkeys are made for: this site. */
export const rp = { id: location.hostname, name: 'Delegated example' };
