import { badRequest } from '../errors.ts';
import { nameField } from './nameField.ts';
import { describe, objectField, stringField } from './requestBody.ts';

/** A wallet a sign-up asks for (`wallets[i]` of `POST /auth/registration/enduser`). */
export interface WalletRequest {
  network: string;
  name: string | undefined;
}

/** The most wallets one sign-up may ask for: the mock's cap (Dfns documents none). */
export const MAX_SIGN_UP_WALLETS = 10;

/** Dfns network names are letters and digits (`EthereumSepolia`, `KeyECDSA`): nothing else is echoed back. */
const NETWORK = /^[A-Za-z0-9]{1,64}$/;

/**
 * Reads `wallets` of a sign-up: absent is none; else an array of at most {@link MAX_SIGN_UP_WALLETS}
 * `{ network, name? }`, each problem a 400 naming `wallets[i]…`. `makesWallets` false (the body of
 * `POST /auth/registration`, which Dfns gives no wallets) refuses a non-empty list rather than drop it.
 */
export function readWalletRequests(value: unknown, { makesWallets }: { makesWallets: boolean }): WalletRequest[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest(`wallets must be an array of { network, name? }, got ${describe(value)}`);
  if (value.length > 0 && !makesWallets) {
    throw badRequest('wallets: POST /auth/registration makes no wallets; sign up with POST /auth/registration/enduser');
  }
  if (value.length > MAX_SIGN_UP_WALLETS) {
    throw badRequest(`wallets asks for ${value.length} wallets: a sign-up makes at most ${MAX_SIGN_UP_WALLETS}`);
  }
  return value.map((item, index) => {
    const path = `wallets[${index}]`;
    const wallet = objectField(item, path);
    const network = stringField(wallet.network, `${path}.network`);
    if (!NETWORK.test(network)) {
      throw badRequest(`${path}.network must be a Dfns network name (letters and digits, e.g. EthereumSepolia)`);
    }
    const name = wallet.name === undefined ? undefined : nameField(wallet.name, `${path}.name`, 'credentialName');
    return { network, name };
  });
}
