import { createContext, useContext } from 'react';
import type { RegisterWithCodeMessages } from './registerWithCodeMessages.ts';

/** What the code field and the error of `<RegisterWithCode>` read from its root, and what {@link useRegisterWithCodeContext} returns. */
export interface RegisterWithCodeContextValue {
  /** The code, as typed or from `defaultCode`. */
  code: string;
  /** Sets the code, as the person types it: from then on no challenge is fetched ahead. */
  setCode: (value: string) => void;
  /** A problem with the code found before sending (it is empty), or `null`. */
  codeError: string | null;
  /** True while the code field is marked invalid: it is empty on submit, or the server refused it as it is. */
  invalid: boolean;
  /** The id of the error text, for the code field's `aria-describedby`, when the error concerns the code and is shown. */
  describedBy: string | undefined;
  /** The code field's id. */
  inputId: string;
  /** Every text, merged with the English defaults. */
  messages: RegisterWithCodeMessages;
}

export const RegisterWithCodeContext = createContext<RegisterWithCodeContextValue | null>(null);

/**
 * The code of the enclosing `<RegisterWithCode.Root>`, for a code field of the host's own.
 * (`useRegisterCredentialContext()` gives the rest of the form, as in `<RegisterCredential>`.)
 */
export function useRegisterWithCodeContext(): RegisterWithCodeContextValue {
  const context = useContext(RegisterWithCodeContext);
  if (!context)
    throw new Error(
      'useRegisterWithCodeContext and RegisterWithCode.CodeField must be inside <RegisterWithCode.Root>.',
    );
  return context;
}
