import { type Fetcher, withCredentialCode } from '@credkit/core';
import { forwardRef, type ReactNode, useId, useMemo, useState } from 'react';
import { mergeMessages } from '../mergeMessages.ts';
import { useControllableState } from '../primitives/useControllableState.ts';
import { RegisterCredential } from '../RegisterCredential/RegisterCredential.tsx';
import type { RegisterCredentialRootProps } from '../RegisterCredential/Root.tsx';
import {
  RegisterCredentialContext,
  type RegisterCredentialContextValue,
  useRegisterCredentialContext,
} from '../RegisterCredential/registerCredentialContext.ts';
import { RegisterWithCodeContext, type RegisterWithCodeContextValue } from './registerWithCodeContext.ts';
import {
  englishRegisterWithCodeMessages,
  type RegisterWithCodeMessages,
  type RegisterWithCodeMessagesInput,
} from './registerWithCodeMessages.ts';

/**
 * Props of {@link Root}: those of `RegisterCredential.Root` (kind, fetcher, rp, texts, `<form>`
 * attributes) but the user-action signer (the code is the proof) and the host-backend functions (the
 * code's routes are the kit's own), plus the code.
 */
export interface RegisterWithCodeRootProps
  extends Omit<
    RegisterCredentialRootProps,
    'userActionSigner' | 'messages' | 'fetcher' | 'challengeSource' | 'completion'
  > {
  /** Makes the HTTP calls, to the code's routes (`/auth/credentials/code/init`, `/auth/credentials/code/verify`). */
  fetcher: Fetcher;
  /**
   * The code, controlled by the host (with `onCodeChange`). A controlled code is never prefetched
   * with: pass the link's code as `defaultCode` for that.
   */
  code?: string;
  /**
   * The code the page was opened with, e.g. the `?code=` of the link from the other device. While
   * it is untouched, the challenge is fetched ahead with it (so the click goes straight to the
   * passkey prompt); a code typed by hand is sent only on submit. @defaultValue ""
   */
  defaultCode?: string | undefined;
  /** Called with each new value of the code field. */
  onCodeChange?: (value: string) => void;
  /** Every text of the form, by phase, kind and error code, and the code field's. English by default. */
  messages?: RegisterWithCodeMessagesInput;
  /** The parts, in any layout. */
  children?: ReactNode;
}

interface CodeScopeProps {
  code: string;
  setCode: (value: string) => void;
  codeError: string | null;
  /** The code the server refused last, if any. */
  refused: string | null;
  messages: RegisterWithCodeMessages;
  children?: ReactNode;
}

/**
 * Inside `RegisterCredential.Root`: gives the parts a form whose error, when it concerns the code
 * (empty, or refused), is tied to the code field, not the name.
 */
function CodeScope({ code, setCode, codeError, refused, messages, children }: CodeScopeProps) {
  const form = useRegisterCredentialContext();
  const inputId = `${useId()}-code`;
  // How many Error parts are mounted: the code field points at the error text only when it is on the page.
  const [errorParts, setErrorParts] = useState(0);
  const refusedNow = form.state === 'error' && form.registration.error?.code === 'invalid-code';
  const aboutCode = codeError !== null || refusedNow;
  const scoped: RegisterCredentialContextValue = {
    ...form,
    errorText: codeError ?? form.errorText,
    errorCode: codeError !== null ? 'invalid-input' : form.errorCode,
    describedBy: (field) => (aboutCode ? undefined : form.describedBy(field)),
    registerErrorPart: () => {
      const unregister = form.registerErrorPart();
      setErrorParts((count) => count + 1);
      return () => {
        unregister();
        setErrorParts((count) => count - 1);
      };
    },
  };
  const codeContext: RegisterWithCodeContextValue = {
    code,
    setCode,
    codeError,
    invalid: codeError !== null || (refusedNow && refused === code),
    describedBy: aboutCode && errorParts > 0 ? form.ids.error : undefined,
    inputId,
    messages,
  };
  return (
    <RegisterCredentialContext.Provider value={scoped}>
      <RegisterWithCodeContext.Provider value={codeContext}>{children}</RegisterWithCodeContext.Provider>
    </RegisterCredentialContext.Provider>
  );
}

/**
 * The root of a registration on a device without a session, with a one-time code from the
 * signed-in device: `RegisterCredential.Root` (the same engine, every kind) whose fetcher is
 * `withCredentialCode(fetcher, code)`, so its requests go to `/auth/credentials/code/init` and
 * `/auth/credentials/code/verify`. An empty code is refused before sending; a code the server
 * refuses (`invalid-code`) is shown on the code field. Every `RegisterCredential` part works inside it.
 */
export const Root = forwardRef<HTMLFormElement, RegisterWithCodeRootProps>(function Root(
  {
    fetcher,
    code: codeProp,
    defaultCode,
    onCodeChange,
    messages: messagesInput,
    prefetchChallenge,
    onError,
    onRegistered,
    validate,
    children,
    ...props
  },
  ref,
) {
  const text = mergeMessages(englishRegisterWithCodeMessages, messagesInput);
  const [code, setCodeValue] = useControllableState(codeProp, defaultCode ?? '', onCodeChange);
  const [edited, setEdited] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  // One decorator per code: it stops sending a code that made a credential or was refused.
  const codeFetcher = useMemo(() => withCredentialCode(fetcher, code), [fetcher, code]);
  // Ahead of the click only with the link's code, untouched and not refused: a code being typed
  // would spend a request, and a 4xx, on each attempt.
  const fromLink =
    codeProp === undefined && !edited && defaultCode !== undefined && defaultCode.trim() !== '' && refused !== code;

  const setCode = (value: string) => {
    setCodeValue(value);
    setEdited(true);
    setCodeError(null);
  };
  const checkCode = () => {
    const missing = code.trim() === '';
    setCodeError(missing ? text.codeMissing : null);
    return !missing;
  };

  return (
    <RegisterCredential.Root
      {...props}
      ref={ref}
      fetcher={codeFetcher}
      messages={text}
      prefetchChallenge={prefetchChallenge !== false && fromLink}
      onError={(error) => {
        if (error.code === 'invalid-code') setRefused(code);
        onError?.(error);
      }}
      onRegistered={(credential, key) => {
        // Spent: a code creates one credential.
        setCodeValue('');
        setEdited(true);
        onRegistered?.(credential, key);
      }}
      // Before the form's own checks (the name, the password): the code, then the host's.
      validate={() => checkCode() && (validate?.() ?? true)}
    >
      <CodeScope code={code} setCode={setCode} codeError={codeError} refused={refused} messages={text}>
        {children}
      </CodeScope>
    </RegisterCredential.Root>
  );
});
