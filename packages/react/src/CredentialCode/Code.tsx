import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { useFocusWhen } from '../primitives/useFocusWhen.ts';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * The code, while it is valid: `messages.codeLabel`, then the code in a selectable `<code>`. When the
 * passkey prompt closes and the code is shown, focus moves here. Renders nothing without a valid code.
 */
export const Code = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Code(
  { className, ...paragraphProps },
  ref,
) {
  const view = useCredentialCodeContext();
  const own = useFocusWhen<HTMLParagraphElement>(view.state === 'active');
  const refs = useComposedRefs(own, ref);
  if (!view.code) return null;
  return (
    <p
      tabIndex={-1}
      {...paragraphProps}
      ref={refs}
      id={view.ids.code}
      data-credkit-part="code"
      className={partClassName(view.classNames, 'code', className)}
    >
      {view.messages.codeLabel} <code translate="no">{view.code}</code>
    </p>
  );
});
