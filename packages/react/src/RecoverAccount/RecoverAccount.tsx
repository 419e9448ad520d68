import { forwardRef } from 'react';
import { Cancel, SendCode, Submit } from './Buttons.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import {
  PasskeyNameField,
  RecoveryCodeField,
  RecoveryKeyIdField,
  UsernameField,
  VerificationCodeField,
} from './Fields.tsx';
import { NewRecoveryKey, NewRecoveryKeyOption } from './NewRecoveryKey.tsx';
import { RecoveryKitFile } from './RecoveryKitFile.tsx';
import { type RecoverAccountRootProps, Root } from './Root.tsx';
import { Status } from './Status.tsx';

/** Props of {@link RecoverAccount}: those of its root (options of `useRecoverAccount`, texts, `<form>` attributes). */
export type RecoverAccountProps = Omit<RecoverAccountRootProps, 'children'>;

/**
 * "Lost your passkeys?": the username → "Send the code"; then the e-mailed code, the recovery key
 * ID and code (typed, pasted as the kit Copy gave, or read from the kit's file), the new passkey's name (optional), a new recovery key (on by default) → "Recover and add a
 * passkey" (and, with `signInAfter`, signed in with it) → the new recovery key's ID and code, shown once.
 * With a `challengeSource` (the host's backend obtains the challenge), it asks for no username and no
 * e-mailed code. It is the parts below, composed as a host would: rearrange them with `RecoverAccount.Root`.
 */
const RecoverAccountPreset = forwardRef<HTMLFormElement, RecoverAccountProps>(function RecoverAccount(props, ref) {
  return (
    <Root {...props} ref={ref}>
      <UsernameField />
      <SendCode />
      <VerificationCodeField />
      <RecoveryKeyIdField />
      <RecoveryCodeField />
      <RecoveryKitFile />
      <PasskeyNameField />
      <NewRecoveryKeyOption />
      <Submit />
      <Cancel />
      <Status />
      <ErrorMessage />
      <NewRecoveryKey />
    </Root>
  );
});

/** `<RecoverAccount>`, and its parts to compose a form of the host's own. */
export const RecoverAccount = Object.assign(RecoverAccountPreset, {
  /** The `<form>` that owns the recovery and the values; every other part goes inside it. */
  Root,
  /** Step 1: the username. */
  UsernameField,
  /** "Send the code" (step 1), "Send a new code" (step 2). */
  SendCode,
  /** Step 2: the e-mailed code. */
  VerificationCodeField,
  /** Step 2: the recovery key's ID. */
  RecoveryKeyIdField,
  /** Step 2: the recovery code (never cached). */
  RecoveryCodeField,
  /** Step 2: "Or open your recovery kit": the downloaded `.txt`, read into the ID and code fields. */
  RecoveryKitFile,
  /** Step 2: the new passkey's name, optional (left blank, it is named after its provider). */
  PasskeyNameField,
  /** Step 2: "Also make a new recovery key" (checked by default). */
  NewRecoveryKeyOption,
  /** The new recovery key's ID and code, shown once after the recovery made it. */
  NewRecoveryKey,
  /** "Recover and add a passkey". */
  Submit,
  /** Cancel, while the recovery runs. */
  Cancel,
  /** The live region: the code sent, each phase, the success. */
  Status,
  /** The error, as an alert tied to its field. */
  Error: ErrorMessage,
});
