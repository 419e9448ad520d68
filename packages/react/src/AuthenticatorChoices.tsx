import type { AuthenticatorChoice } from '@credkit/core';
import { useId } from 'react';

/** Props of {@link AuthenticatorChoices}. */
export interface AuthenticatorChoicesProps {
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
  /** Disables the group (while a registration runs). */
  disabled?: boolean;
  /** A class for the fieldset. */
  className?: string;
}

/**
 * "Where to keep the passkey": a radio group (native inputs, so arrow keys and screen readers
 * work as everywhere) of the authenticator choices. Renders nothing for fewer than two choices.
 */
export function AuthenticatorChoices({
  choices,
  value,
  onChange,
  legend,
  labels,
  disabled,
  className,
}: AuthenticatorChoicesProps) {
  const name = useId();
  if (choices.length < 2) return null;
  return (
    <fieldset data-credkit-part="choices" className={className} disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} data-credkit-part="choice" data-choice={choice}>
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />{' '}
          {labels[choice]}
        </label>
      ))}
    </fieldset>
  );
}
