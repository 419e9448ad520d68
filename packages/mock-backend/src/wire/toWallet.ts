import { isoUint8Array } from '@simplewebauthn/server/helpers';
import { randomBytes } from '../crypto/randomBytes.ts';
import { dfnsId } from '../state/ids.ts';
import type { WalletRequest } from './readWalletRequests.ts';

/** Networks whose Dfns keys are EdDSA over ed25519 (by name prefix; testnets included). */
const EDDSA_NETWORKS =
  /^(Algorand|Aptos|Canton|Cardano|Concordium|Hedera|Iota|KeyEdDSA|Kusama|Near|Paseo|Polkadot|Polymesh|Solana|Stellar|Sui|Tezos|Ton|Westend)/;
/** Networks whose Dfns keys are ECDSA over the Stark curve. */
const STARK_NETWORKS = /^(Starknet|KeyECDSAStark)/;

/** The scheme, curve and public-key size (bytes) a wallet on `network` would have at Dfns. */
function signingKeyKind(network: string) {
  if (EDDSA_NETWORKS.test(network)) return { scheme: 'EdDSA', curve: 'ed25519', size: 32 } as const;
  if (STARK_NETWORKS.test(network)) return { scheme: 'ECDSA', curve: 'stark', size: 32 } as const;
  return { scheme: 'ECDSA', curve: 'secp256k1', size: 33 } as const;
}

/**
 * A wallet record shaped like an item of Dfns's `RegisterEndUserResponse.wallets`, **made up**: the
 * mock holds no key and signs nothing. `signingKey.publicKey` is random hex of the curve's length
 * (a compressed secp256k1 point's `02`/`03` prefix included), the key of no one; there is no
 * `address`, since funds sent to an address derived from it would be lost. Nothing is stored.
 */
export function toWallet(request: WalletRequest, { userId, dateCreated }: { userId: string; dateCreated: string }) {
  const { scheme, curve, size } = signingKeyKind(request.network);
  const key = randomBytes(size);
  if (curve === 'secp256k1') key[0] = 2 + ((key[0] ?? 0) & 1);
  return {
    id: dfnsId('wa'),
    network: request.network,
    signingKey: { id: dfnsId('key'), scheme, curve, publicKey: isoUint8Array.toHex(key), delegatedTo: userId },
    status: 'Active' as const,
    dateCreated,
    ...(request.name !== undefined && { name: request.name }),
    custodial: false,
    tags: [] as string[],
  };
}
