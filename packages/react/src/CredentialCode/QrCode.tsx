import { forwardRef, type SVGAttributes, useEffect, useState } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useCredentialCodeContext } from './credentialCodeContext.ts';
import type { QrPath } from './qrPath.ts';

/** The quiet zone around a QR code, in modules, as the standard asks (ISO/IEC 18004, 5.3.8). */
const QUIET_ZONE = 4;

type QrState = { link: string; qr: QrPath } | { link: string; qr: null };

/** The QR code of `link`, once its encoder (a separate chunk) has loaded; `null` if it failed to. */
function useQrPath(link: string | undefined): QrState | undefined {
  const [state, setState] = useState<QrState>();
  useEffect(() => {
    if (!link) return;
    let current = true;
    import('./qrPath.ts')
      .then(({ qrPath }) => qrPath(link))
      .then(
        (qr) => current && setState({ link, qr }),
        // Offline, a chunk gone after a deploy, or a link too long for a QR code: the link is still there.
        () => current && setState({ link, qr: null }),
      );
    return () => {
      current = false;
    };
  }, [link]);
  return state?.link === link ? state : undefined;
}

/**
 * The QR code of the link to the other device's page (`linkFor(code)`), as an SVG image named by
 * `messages.qrLabel`: dark on light whatever the theme, with its quiet zone, 192 px unless sized.
 * Its encoder is loaded only now, on first use; until then it holds the space (`data-state="loading"`).
 * Renders nothing without `linkFor` or a valid code, or if the encoder failed to load.
 */
export const QrCode = forwardRef<SVGSVGElement, SVGAttributes<SVGSVGElement>>(function QrCode(
  { className, ...svgProps },
  ref,
) {
  const view = useCredentialCodeContext();
  const loaded = useQrPath(view.link);
  if (!view.link || loaded?.qr === null) return null;
  const classes = partClassName(view.classNames, 'qr', className);
  if (!loaded) {
    return (
      <svg
        width={192}
        height={192}
        {...svgProps}
        ref={ref}
        aria-hidden="true"
        data-credkit-part="qr"
        data-state="loading"
        className={classes}
      />
    );
  }
  const side = loaded.qr.size + 2 * QUIET_ZONE;
  return (
    <svg
      width={192}
      height={192}
      {...svgProps}
      ref={ref}
      role="img"
      aria-label={view.messages.qrLabel}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      shapeRendering="crispEdges"
      data-credkit-part="qr"
      data-state="ready"
      className={classes}
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={loaded.qr.path} fill="#000" />
    </svg>
  );
});
