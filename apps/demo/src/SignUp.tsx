import { describeError } from '@credkit/core';
import { generateKeyCredentialId, generateRecoveryCode } from '@credkit/core/keys';
import { useRegisterUser } from '@credkit/react';
import { englishRecoveryMessages, RecoveryCodeStep } from '@credkit/react/recovery';
import { type FormEvent, useState } from 'react';
import { ceremony, fetcher, orgId, rp } from './config.ts';
import { JourneySection } from './JourneySection.tsx';
import { SavedRecoveryKey } from './SavedRecoveryKey.tsx';

const STATUS: Record<string, string> = {
  challenge: 'Preparing your account…',
  ceremony: 'Follow your browser’s prompt to create your first passkey…',
  submitting: 'Creating your account…',
};

const LEAD = 'A username, then the first passkey: Dfns registers the user, and the answer signs them in.';

const RECOVERY_STEP_MESSAGES = { ...englishRecoveryMessages, finish: 'Create my account' };

/**
 * Sign-up: a username, then the first passkey (`useRegisterUser`); the token signs the person in.
 * "Also make a recovery key": the code is shown, and saved, before anything is sent; the key is
 * registered with the passkey, and its ID shown with the code before the person goes on.
 */
export function SignUp({ onSignedUp }: { onSignedUp: (token: string) => void }) {
  const [username, setUsername] = useState('');
  const [registrationCode, setRegistrationCode] = useState('000000');
  const [withRecoveryKey, setWithRecoveryKey] = useState(false);
  // The recovery kit on screen (the code and the key's ID, made together in the page), from before the
  // request until the person saved it.
  const [kit, setKit] = useState<{ recoveryCode: string; credentialId: string } | null>(null);
  const recoveryCode = kit?.recoveryCode ?? null;
  const [made, setMade] = useState<{ credentialId: string; token: string } | null>(null);
  const { phase, isBusy, register, error } = useRegisterUser({
    fetcher,
    orgId,
    rp,
    ceremony,
    // The kit completes the sign-up here, so Dfns's answer carries the token.
    onRegistered: ({ token, recoveryKey }) => {
      if (!token) return;
      if (recoveryKey) setMade({ credentialId: recoveryKey.credentialId, token });
      else onSignedUp(token);
    },
  });
  const signUp = (recoveryKey?: { recoveryCode: string; credentialId: string }) =>
    register({ username: username.trim(), registrationCode, credentialName: 'First passkey', recoveryKey });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (withRecoveryKey) setKit({ recoveryCode: generateRecoveryCode(), credentialId: generateKeyCredentialId() });
    else signUp();
  };

  if (made && recoveryCode) {
    return (
      <JourneySection view="sign-up" heading="Sign up">
        <SavedRecoveryKey
          credentialId={made.credentialId}
          recoveryCode={recoveryCode}
          onSaved={() => onSignedUp(made.token)}
        />
      </JourneySection>
    );
  }

  const fieldsLocked = isBusy || recoveryCode !== null;
  return (
    <JourneySection view="sign-up" heading="Sign up" lead={LEAD}>
      <form className="signup" onSubmit={onSubmit} aria-busy={isBusy}>
        <label htmlFor="signup-username">Username</label>
        <input
          id="signup-username"
          type="email"
          autoComplete="username webauthn"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          disabled={fieldsLocked}
        />
        <label htmlFor="signup-code">Registration code</label>
        <input
          id="signup-code"
          required
          value={registrationCode}
          onChange={(event) => setRegistrationCode(event.target.value)}
          disabled={fieldsLocked}
          aria-describedby="signup-code-hint"
        />
        <small id="signup-code-hint">The mock backend accepts any code.</small>
        <label>
          <input
            type="checkbox"
            checked={withRecoveryKey}
            onChange={(event) => setWithRecoveryKey(event.target.checked)}
            disabled={fieldsLocked}
          />{' '}
          Also make a recovery key (to get back in if you lose every passkey)
        </label>
        {kit ? (
          <RecoveryCodeStep
            code={kit.recoveryCode}
            credentialId={kit.credentialId}
            username={username.trim()}
            credentialName="Recovery key"
            busy={isBusy}
            messages={RECOVERY_STEP_MESSAGES}
            onConfirm={() => signUp(kit)}
            onCancel={() => setKit(null)}
          />
        ) : (
          <button type="submit" disabled={isBusy}>
            Sign up with a passkey
          </button>
        )}
        <p role="status" aria-live="polite">
          {STATUS[phase] ?? ''}
        </p>
        {phase === 'error' && error ? (
          <p role="alert" data-code={error.code}>
            {describeError(error)}
          </p>
        ) : null}
      </form>
    </JourneySection>
  );
}
