import { RecoverAccount } from '@credkit/react';
import { ceremony, fetcher, orgId, rp } from './config.ts';
import { JourneySection } from './JourneySection.tsx';

/**
 * "Lost your passkeys?": the recovery key (its ID and code, kept when it was made) and the code the
 * backend e-mails bring the account back with a new passkey, which then signs in.
 */
export function Recover({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  return (
    <JourneySection
      view="recover"
      heading="Recover your account"
      lead="Lost every passkey? The recovery key (its ID and code, kept when it was made) and an e-mailed code register a new passkey, and end every old credential."
    >
      <RecoverAccount
        fetcher={fetcher}
        orgId={orgId}
        rp={rp}
        ceremony={ceremony}
        signInAfter
        // Not onSignedIn: leaving at once would take the new recovery key's code away unseen.
        onDone={(_recovery, login) => {
          if (login) onSignedIn(login.token);
        }}
      />
      <p>
        <small>
          The mock backend sends no e-mail: it prints the code in its console and answers{' '}
          <code>GET /mock/recovery-codes?username=…</code>.
        </small>
      </p>
    </JourneySection>
  );
}
