import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { partClassName } from './partClassName.ts';

/** Props of {@link TextField}: any attribute of the `<input>`, and what the family gives it. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'> {
  /** The visible label. */
  label: ReactNode;
  /** The root's classes per part: the label takes `classNames.label`, the input `classNames.input`, the hint `classNames.hint`. */
  classNames: { label?: string; input?: string; hint?: string };
  /** The value, owned by the root. */
  value: string;
  /** Called with each new value, before the host's `onChange`. */
  onValueChange: (value: string) => void;
  /** The id of the error about this field while it is shown, added to the host's `aria-describedby`. */
  describedBy?: string | undefined;
  /**
   * A line under the field that helps fill it in (`data-credkit-part="hint"`), tied to it through
   * `aria-describedby` after the error. Its id is the input's plus `-hint`. @defaultValue none
   */
  hint?: ReactNode;
  /**
   * True while the family's operation runs: the field is read-only and `aria-disabled`, not
   * `disabled`, so that it keeps focus if it has it (a disabled field drops focus to `<body>`).
   */
  busy?: boolean;
}

/**
 * The labelled field of every family: a `<label>` and its `<input>` (`data-credkit-part="label"` and
 * `"input"`), the value the root's, `data-disabled` when disabled, tied to its error (and its hint,
 * if any) through `aria-describedby`. Which attributes it starts with (name, type, autocomplete) is the family's.
 */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  {
    label,
    classNames,
    onValueChange,
    describedBy,
    hint,
    busy,
    className,
    onChange,
    'aria-describedby': hostDescribedBy,
    ...inputProps
  },
  ref,
) {
  const hintId = hint ? `${inputProps.id}-hint` : undefined;
  return (
    <>
      <label htmlFor={inputProps.id} data-credkit-part="label" className={classNames.label}>
        {label}
      </label>
      <input
        readOnly={busy}
        aria-disabled={busy || undefined}
        {...inputProps}
        ref={ref}
        data-credkit-part="input"
        className={partClassName(classNames, 'input', className)}
        data-disabled={inputProps.disabled ? '' : undefined}
        aria-describedby={[hostDescribedBy, describedBy, hintId].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          onValueChange(event.target.value);
          onChange?.(event);
        }}
      />
      {hint ? (
        <p id={hintId} data-credkit-part="hint" className={classNames.hint}>
          {hint}
        </p>
      ) : null}
    </>
  );
});
