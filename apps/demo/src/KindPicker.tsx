import type { RegistrableCredentialKind } from '@credkit/react';

const KINDS: { kind: RegistrableCredentialKind; label: string; hint: string }[] = [
  { kind: 'Fido2', label: 'Passkey', hint: 'held by your device or security key' },
  { kind: 'Key', label: 'Key', hint: 'a key pair made in this browser, held by the app' },
  {
    kind: 'PasswordProtectedKey',
    label: 'Password-protected key',
    hint: 'stored on the server, encrypted with your password',
  },
  { kind: 'RecoveryKey', label: 'Recovery key', hint: 'stored on the server, encrypted with a one-time recovery code' },
];

/** Radio buttons choosing which kind of credential to register. */
export function KindPicker({
  value,
  onChange,
}: {
  value: RegistrableCredentialKind;
  onChange: (kind: RegistrableCredentialKind) => void;
}) {
  return (
    <fieldset className="kinds">
      <legend>Credential kind</legend>
      {KINDS.map(({ kind, label, hint }) => (
        <label key={kind}>
          <input type="radio" name="kind" value={kind} checked={value === kind} onChange={() => onChange(kind)} />{' '}
          {label} <small>({hint})</small>
        </label>
      ))}
    </fieldset>
  );
}
