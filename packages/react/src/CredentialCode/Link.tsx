import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * The link the QR code holds (`linkFor(code)`), as text and anchor, after `messages.linkIntro`: for a
 * person who cannot scan, or reads this page on the other device. Renders nothing without `linkFor`
 * or a valid code.
 */
export const Link = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Link(
  { className, ...paragraphProps },
  ref,
) {
  const view = useCredentialCodeContext();
  if (!view.link) return null;
  return (
    <p
      {...paragraphProps}
      ref={ref}
      data-credkit-part="link"
      className={partClassName(view.classNames, 'link', className)}
    >
      {view.messages.linkIntro}{' '}
      <a href={view.link} translate="no">
        {view.link}
      </a>
    </p>
  );
});
