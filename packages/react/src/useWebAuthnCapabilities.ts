import { detectWebAuthnCapabilities, UNKNOWN_CAPABILITIES, type WebAuthnCapabilities } from '@credkit/core';
import { useQuery } from '@tanstack/react-query';

/** The react-query key capabilities are cached under (they do not change during a page's life). */
export const capabilitiesQueryKey = ['credkit', 'capabilities'] as const;

/**
 * What this browser can do (WebAuthn, platform authenticator, conditional create, hybrid, hints,
 * native JSON), from a react-query query: every field is `'unknown'` on the server and until
 * detection ran in the browser (nothing touches `window` during render).
 */
export function useWebAuthnCapabilities(): WebAuthnCapabilities {
  const { data } = useQuery({
    queryKey: capabilitiesQueryKey,
    queryFn: detectWebAuthnCapabilities,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return data ?? UNKNOWN_CAPABILITIES;
}
