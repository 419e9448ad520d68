import type { AuthenticatorChoice } from '@credkit/core';
import { type FieldsetHTMLAttributes, forwardRef, useId } from 'react';

/** Props of {@link AuthenticatorChoices}: the group's data, plus any attribute of the `<fieldset>`. */
export interface AuthenticatorChoicesProps extends Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'onChange'> {
  /** The choices to offer, already filtered to what the browser can honour. */
  choices: readonly AuthenticatorChoice[];
  /** The selected choice. */
  value: AuthenticatorChoice | undefined;
  /** Called with the choice the person picks. */
  onChange: (choice: AuthenticatorChoice) => void;
  /** The group's legend. */
  legend: string;
  /** The label of each choice. */
  labels: Record<AuthenticatorChoice, string>;
  /** A class for each choice's `<label>`. */
  choiceClassName?: string;
}

/**
 * "Where to keep the passkey": a radio group (native inputs, so arrow keys and screen readers
 * work as everywhere) of the authenticator choices. Renders nothing for fewer than two choices.
 */
export const AuthenticatorChoices = forwardRef<HTMLFieldSetElement, AuthenticatorChoicesProps>(
  function AuthenticatorChoices({ choices, value, onChange, legend, labels, choiceClassName, ...fieldsetProps }, ref) {
    const name = useId();
    if (choices.length < 2) return null;
    return (
      <fieldset {...fieldsetProps} ref={ref} data-credkit-part="choices">
        <legend>{legend}</legend>
        {choices.map((choice) => (
          <label key={choice} data-credkit-part="choice" data-choice={choice} className={choiceClassName}>
            <input
              type="radio"
              name={name}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
            />{' '}
            {labels[choice]}
          </label>
        ))}
      </fieldset>
    );
  },
);
