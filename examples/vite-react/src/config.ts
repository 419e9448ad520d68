/** Where the Dfns API (here the mock) answers: `VITE_DFNS_API_URL` at build time. */
export const apiUrl = import.meta.env.VITE_DFNS_API_URL ?? 'http://localhost:8787';
/** The organisation users sign up into: the mock's own unless `VITE_DFNS_ORG_ID` names another. */
export const orgId = import.meta.env.VITE_DFNS_ORG_ID ?? 'or-credk-itmck-0000000000000000';
export const rp = { id: 'localhost', name: 'My app' };
