import { RegisterWithCode } from '@credkit/react';
import { ceremony, fetcher, rp } from './config.ts';
import { JourneySection } from './JourneySection.tsx';

/**
 * The `?code=` of the link the signed-in device shows (as a QR code), if the page was opened from it,
 * then taken out of the address bar (the other parameters and the hash kept as they are), so the code
 * stays out of the history, bookmarks, shared screens and any later address copied from the page.
 */
function takeCodeFromLink(): string | undefined {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code') ?? undefined;
  if (code === undefined) return undefined;
  // Each other parameter kept byte for byte (URLSearchParams would rewrite `?embed` as `?embed=`).
  const isCode = (param: string) => new URLSearchParams(param).has('code');
  url.search = url.search
    .slice(1)
    .split('&')
    .filter((param) => !isCode(param))
    .join('&');
  window.history.replaceState(window.history.state, '', url.href);
  return code;
}

const codeFromLink = takeCodeFromLink();

/**
 * `#another-device`: the page the other device opens. No session here; the code from the signed-in
 * device (typed, or from the link) lets it register a passkey for that account.
 */
export function AnotherDevice() {
  return (
    <JourneySection
      view="another-device"
      heading="Add this device to your account"
      lead="Opened on the new device: the one-time code (or the QR code’s link) made in Manage on a signed-in device lets it register a passkey for that account."
    >
      <RegisterWithCode fetcher={fetcher} rp={rp} ceremony={ceremony} defaultCode={codeFromLink} />
      <p>
        Then <a href="./">sign in with it</a>.
      </p>
    </JourneySection>
  );
}

/** The link the signed-in device shows for a code: this page, `#another-device`, with the code. */
export function anotherDeviceLink(code: string): string {
  const url = new URL(window.location.href);
  url.search = `?code=${encodeURIComponent(code)}`;
  url.hash = 'another-device';
  return url.href;
}
