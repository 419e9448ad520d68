import { createWebAuthnUserActionSigner, isCredkitError, signUserActionChallenge } from '@credkit/core';
import { post } from './myBackend.ts';

// Any other change your backend makes for the person (here a wallet signature): the backend's `…Init`
// gives the challenge, the person confirms with a passkey, the backend's `…Complete` sends it.
export async function signMessage(walletId: string, message: string): Promise<unknown> {
  const { challenge, requestBody } = (await post('/api/wallets/signature/init', { walletId, message })) as {
    challenge: unknown;
    requestBody: unknown;
  };
  try {
    const signedChallenge = await signUserActionChallenge(challenge, { signer: createWebAuthnUserActionSigner() });
    return await post('/api/wallets/signature/complete', { walletId, requestBody, signedChallenge });
  } catch (error) {
    // `cancelled`: the person closed the prompt; `no-signing-credential`: no passkey of theirs here.
    if (isCredkitError(error) && error.code === 'cancelled') return undefined;
    throw error;
  }
}
