import { forwardRef, type ReactNode, useRef } from 'react';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { CredentialCodeContext } from './credentialCodeContext.ts';
import { type CredentialCodeRootOptions, useCredentialCodeRoot } from './useCredentialCodeRoot.ts';

/** Props of {@link Root}: the options plus any attribute of a `<div>`. */
export interface CredentialCodeRootProps extends CredentialCodeRootOptions {
  /** The parts, in any layout. */
  children?: ReactNode;
}

/**
 * The root of "add a passkey on another device": a `<div>` that makes the code and counts down its
 * life, and gives both to the parts inside through context. It carries `data-state` (`idle`,
 * `signing`, `submitting`, `active`, `expired`, `error`), `data-busy` and `aria-busy`.
 */
export const Root = forwardRef<HTMLDivElement, CredentialCodeRootProps>(function Root({ children, ...props }, ref) {
  const own = useRef<HTMLDivElement>(null);
  const refs = useComposedRefs(own, ref);
  const { context, divProps } = useCredentialCodeRoot(props, own);
  const busy = context.issuer.isBusy;
  return (
    <CredentialCodeContext.Provider value={context}>
      <div
        {...divProps}
        ref={refs}
        data-credkit="credential-code"
        data-state={context.state}
        data-busy={busy ? '' : undefined}
        aria-busy={busy}
      >
        {children}
      </div>
    </CredentialCodeContext.Provider>
  );
});
