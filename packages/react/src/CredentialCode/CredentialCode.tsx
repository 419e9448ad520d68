import { forwardRef } from 'react';
import { Cancel } from './Cancel.tsx';
import { Code } from './Code.tsx';
import { Copy } from './Copy.tsx';
import { Create } from './Create.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Expiry } from './Expiry.tsx';
import { Link } from './Link.tsx';
import { QrCode } from './QrCode.tsx';
import { type CredentialCodeRootProps, Root } from './Root.tsx';
import { Status } from './Status.tsx';

/** Props of {@link CredentialCode}: those of its root (options, link, texts, `<div>` attributes). */
export type CredentialCodeProps = Omit<CredentialCodeRootProps, 'children'>;

/**
 * "Add a passkey on another device", on the signed-in device: a button that makes a one-time code
 * (confirmed with an existing passkey, Cancel while the prompt is open), then the code with Copy, its
 * time left, and a QR code of `linkFor(code)` with the link beside it; when the code expires, "New
 * code". A polite live region announces each phase, the code once and its expiry once; errors are an
 * alert. It is the parts below, composed as a host would: rearrange them with `CredentialCode.Root`.
 */
const CredentialCodePreset = forwardRef<HTMLDivElement, CredentialCodeProps>(function CredentialCode(props, ref) {
  return (
    <Root {...props} ref={ref}>
      <Create />
      <Cancel />
      <Status />
      <ErrorMessage />
      <Code />
      <Copy />
      <Expiry />
      <QrCode />
      <Link />
    </Root>
  );
});

/** `<CredentialCode>`, and its parts to compose a layout of the host's own. */
export const CredentialCode = Object.assign(CredentialCodePreset, {
  /** The `<div>` that makes the code and counts it down; every other part goes inside it. */
  Root,
  /** The button: "Add a passkey on another device", then "New code". */
  Create,
  /** Cancel, while the passkey prompt is open. */
  Cancel,
  /** The live region: each phase, the code ready, the code expired. */
  Status,
  /** The error, as an alert. */
  Error: ErrorMessage,
  /** The code, selectable. */
  Code,
  /** Copies the code. */
  Copy,
  /** The time left. */
  Expiry,
  /** The QR code of the link (its encoder loads on first use). */
  QrCode,
  /** The link, as text. */
  Link,
});
