import { RegisterCredential } from '@credkit/react';
import { ceremony, ceremonyTimeout, fetcher, rp, userActionSigner, watchdogGraceMs } from './config.ts';

const FORMS = ['First', 'Second'] as const;

/**
 * `/?embed&two`: two independent credentials components on one page, as a host with two places to
 * add a passkey would have. The browser runs one passkey prompt at a time: the newest wins, and
 * cancelling one leaves the other alone.
 */
export function TwoForms() {
  return (
    <>
      {FORMS.map((label) => (
        <section key={label} aria-labelledby={`register-${label}-heading`}>
          <h3 id={`register-${label}-heading`}>{label}</h3>
          <RegisterCredential
            fetcher={fetcher}
            rp={rp}
            ceremony={ceremony}
            timeout={ceremonyTimeout}
            watchdogGraceMs={watchdogGraceMs}
            userActionSigner={userActionSigner}
          />
        </section>
      ))}
    </>
  );
}
