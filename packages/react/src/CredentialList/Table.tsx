import { forwardRef, type TableHTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { useCredentialListContext } from './credentialListContext.ts';
import { Row } from './Row.tsx';

/**
 * The credentials as a `<table>`: a caption (`messages.caption`), the column headers Name, Kind,
 * Created, Origin, Status and Actions, and a {@link Row} per credential. Renders nothing until there
 * is a credential to show (the Status part says "Loading…" or "No credentials yet.").
 */
export const Table = forwardRef<HTMLTableElement, TableHTMLAttributes<HTMLTableElement>>(function Table(
  { className, ...tableProps },
  ref,
) {
  const list = useCredentialListContext();
  const refs = useComposedRefs(list.tableRef, ref);
  if (list.credentials.length === 0) return null;
  const { columns } = list.messages;
  return (
    <table
      // Focus lands here when the list comes back after Retry.
      tabIndex={-1}
      {...tableProps}
      ref={refs}
      data-credkit-part="table"
      data-busy={list.busy ? '' : undefined}
      className={partClassName(list.classNames, 'table', className)}
    >
      <caption>{list.messages.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{columns.name}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col">{columns.created}</th>
          <th scope="col">{columns.origin}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.actions}</th>
        </tr>
      </thead>
      <tbody>
        {list.credentials.map((credential) => (
          <Row key={credential.credentialUuid} credential={credential} />
        ))}
      </tbody>
    </table>
  );
});
