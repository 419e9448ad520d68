/** A code Dfns would e-mail, as `credkit-mock` prints it. */
export interface PrintedMail {
  /** What the code is: `recovery verification code`, `login code`. */
  what: string;
  username: string;
  code: string;
  /** ISO 8601. */
  expiresAt: string;
  /** The mock-only route that reads it back: `/mock/recovery-codes`. */
  route: string;
}

/** The line `credkit-mock` prints for a code it cannot mail: what, for whom, until when, and where else to read it. */
export function formatMail({ what, username, code, expiresAt, route }: PrintedMail): string {
  return `${what} for ${username}: ${code} (single-use, valid until ${expiresAt}; also GET ${route}?username=${encodeURIComponent(username)})`;
}
