import type { CreateCredentialResponse } from '@credkit/core';
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { Action } from './Action.tsx';
import { type CredentialListContextValue, useCredentialListContext } from './credentialListContext.ts';
import { LockoutNote } from './LockoutNote.tsx';

/** Props of {@link Row}: the credential, plus any attribute of a `<tr>`. */
export interface CredentialListRowProps extends HTMLAttributes<HTMLTableRowElement> {
  /** The credential the row shows. */
  credential: CreateCredentialResponse;
  /** Cells of the host's own, in place of the six default ones. */
  children?: ReactNode;
}

/** The Created cell's `<time>`: the ISO date as `dateTime`, `messages.formatDate` as text. */
function created(list: CredentialListContextValue, dateCreated: string): ReactNode {
  const date = new Date(dateCreated);
  const text = Number.isNaN(date.getTime()) ? dateCreated : list.messages.formatDate(date);
  return <time dateTime={dateCreated}>{text}</time>;
}

/**
 * One credential as a `<tr>`: its name (the row's header), kind, creation date, origin, status, and
 * the Deactivate / Activate button with, on the last active credential that can sign, why it is
 * disabled. Carries `data-state` (`active` or `deactivated`), and `data-busy` and `aria-busy` while
 * its change runs. Each data cell but the actions carries its column's header as `data-label`, which
 * styles.css shows before the value where the table reflows into one column (narrow screens).
 */
export const Row = forwardRef<HTMLTableRowElement, CredentialListRowProps>(function Row(
  { credential, className, children, ...rowProps },
  ref,
) {
  const list = useCredentialListContext();
  const { messages, classNames } = list;
  const changing = list.isChanging(credential);
  const cell = partClassName(classNames, 'cell', undefined);
  return (
    <tr
      {...rowProps}
      ref={ref}
      data-credkit-part="row"
      data-state={credential.isActive ? 'active' : 'deactivated'}
      data-busy={changing ? '' : undefined}
      aria-busy={changing}
      className={partClassName(classNames, 'row', className)}
    >
      {children ?? (
        <>
          <th scope="row" data-credkit-part="cell" data-column="name" className={cell}>
            {credential.name}
          </th>
          <td data-credkit-part="cell" data-column="kind" data-label={messages.columns.kind} className={cell}>
            {messages.kinds[credential.kind] ?? credential.kind}
          </td>
          <td data-credkit-part="cell" data-column="created" data-label={messages.columns.created} className={cell}>
            {created(list, credential.dateCreated)}
          </td>
          <td data-credkit-part="cell" data-column="origin" data-label={messages.columns.origin} className={cell}>
            {credential.origin}
          </td>
          <td data-credkit-part="cell" data-column="status" data-label={messages.columns.status} className={cell}>
            {credential.isActive ? messages.status.active : messages.status.deactivated}
          </td>
          <td data-credkit-part="cell" data-column="actions" className={cell}>
            <Action credential={credential} />
            <LockoutNote credential={credential} />
          </td>
        </>
      )}
    </tr>
  );
});
