// Smallest plausible useRegisterPasskey over the floor core (Fido2 only). Measuring stick, not shipped.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { CredkitError, registerCredential } from './fido2PathFloor.js';

const U = 'unknown';
// webAuthn / platformAuthenticator / hybridTransport: true, false or 'unknown' (server, before detection)
const detect = async (P = window.PublicKeyCredential, c) =>
  isSecureContext !== false && P && navigator.credentials?.create
    ? ((c = await Promise.resolve()
        .then(() => P.getClientCapabilities?.())
        .catch(() => {})),
      {
        webAuthn: true,
        platformAuthenticator:
          c?.userVerifyingPlatformAuthenticator ??
          (await Promise.resolve()
            .then(() => P.isUserVerifyingPlatformAuthenticatorAvailable())
            .then(
              (a) => a === true,
              () => U,
            )),
        hybridTransport: typeof c?.hybridTransport == 'boolean' ? c.hybridTransport : U,
      })
    : { webAuthn: false, platformAuthenticator: false, hybridTransport: false };
// One query for every caller (react-query runs it after mount, never during render).
export const useCapabilities = () =>
  useQuery({
    queryKey: ['credkit', 'capabilities'],
    queryFn: () => detect(),
    staleTime: 1 / 0,
    gcTime: 1 / 0,
    retry: false,
  }).data || { webAuthn: U, platformAuthenticator: U, hybridTransport: U };

// The floor core exports no fetchFido2Challenge: get a *validated* challenge by running its
// registerCredential up to the ceremony (reached only once the challenge passed validation).
const fetchChallenge = async ({ fetcher, rp }, signal, c) => (
  await registerCredential({
    fetcher: (q) => fetcher(q).then((x) => (c = x)),
    rp,
    signal,
    credentialName: '-',
    credentials: { create: () => Promise.reject() },
  }).catch((e) => {
    if (e.phase != 'ceremony') throw e;
  }),
  c
);

export function useRegisterPasskey(o) {
  const qc = useQueryClient();
  const [step, setStep] = useState('challenge');
  // c: controller, b: in flight, m: mounted, l: last name, u: used challenge ids
  const r = useRef({ u: new Set() }).current;
  const caps = useCapabilities();
  const key = ['credkit', 'challenge', useId()];
  const max = o.challengeMaxAgeMs ?? 12e4;
  useEffect(() => ((r.m = 1), () => ((r.m = 0), r.c?.abort())), []);
  const ch = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchChallenge(o, signal),
    enabled: !!(o.credentials || caps.webAuthn === true) && o.prefetchChallenge !== false,
    staleTime: max,
    gcTime: max,
    refetchInterval: max,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const m = useMutation({
    mutationKey: ['credkit', 'registerPasskey'],
    networkMode: 'always',
    retry: 0,
    mutationFn: async (v) => {
      const c = (r.c = new AbortController());
      try {
        return await registerCredential({ ...o, ...v, signal: c.signal, onPhase: (p) => r.m && setStep(p) });
      } finally {
        r.c == c && (r.c = null);
        r.b = 0;
      }
    },
    onSuccess: (cr) => (
      (r.l = null), o.onRegistered?.(cr), qc.invalidateQueries({ queryKey: ['credkit', 'credentials'] })
    ),
    onError: (e) => r.m && o.onError?.(e),
    onSettled: () => r.m && ch.isEnabled && ch.refetch(),
  });
  const register = (credentialName) => {
    if (r.b) return; // a ref: a second click in the same frame sees the first
    r.b = 1;
    r.l = credentialName;
    const s = qc.getQueryState(key),
      challenge = s?.data,
      fresh = s?.status == 'success' && Date.now() - s.dataUpdatedAt < max && !r.u.has(challenge.challengeIdentifier);
    fresh && r.u.add(challenge.challengeIdentifier);
    setStep(fresh ? 'ceremony' : 'challenge');
    m.mutate({ credentialName, challenge: fresh ? challenge : undefined });
  };
  return {
    phase: m.isPending ? step : m.status,
    isBusy: m.isPending,
    register,
    retry: () => r.l != null && register(r.l),
    cancel: () =>
      r.c?.abort(new CredkitError('cancelled', { message: 'Registration cancelled. Nothing was registered.' })),
    reset: m.reset,
    credential: m.data,
    error: m.error,
  };
}
