import { forwardRef } from 'react';
import { Action } from './Action.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { LockoutNote } from './LockoutNote.tsx';
import { Retry } from './Retry.tsx';
import { type CredentialListRootProps, Root } from './Root.tsx';
import { Row } from './Row.tsx';
import { Status } from './Status.tsx';
import { Table } from './Table.tsx';

/** Props of {@link CredentialList}: those of its root (fetcher, signer, texts, callbacks, `<div>` attributes). */
export type CredentialListProps = Omit<CredentialListRootProps, 'children'>;

/**
 * The signed-in user's credentials as a table (name, kind, created, origin, status) with Deactivate /
 * Activate on each row, confirmed by user-action signing when `userActionSigner` is given; one change
 * at a time, announced politely, errors in an alert, focus kept on the row's button. Deactivate is
 * disabled on the last active credential that can sign, with the reason. It is the parts below,
 * composed as a host would: rearrange them with `CredentialList.Root` and `useCredentialListContext()`.
 */
const CredentialListPreset = forwardRef<HTMLDivElement, CredentialListProps>(function CredentialList(props, ref) {
  return (
    <Root {...props} ref={ref}>
      <Table />
      <Status />
      <ErrorMessage />
      <Retry />
    </Root>
  );
});

/** `<CredentialList>`, and its parts to compose a list of the host's own. */
export const CredentialList = Object.assign(CredentialListPreset, {
  /** The `<div>` that owns the list and the changes; every other part goes inside it. */
  Root,
  /** The `<table>` of credentials, a {@link Row} each. */
  Table,
  /** One credential as a `<tr>`. */
  Row,
  /** A credential's Deactivate / Activate button. */
  Action,
  /** Why Deactivate is disabled on the last active credential that can sign. */
  LockoutNote,
  /** The live region: loading, a change running and done, the empty list. */
  Status,
  /** The error, as an alert. */
  Error: ErrorMessage,
  /** Loads the list again after it failed. */
  Retry,
});
