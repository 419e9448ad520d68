/**
 * The key pairs of the Key credentials registered in this tab, by credential id. A real app would
 * keep them in IndexedDB (CryptoKeys are structured-cloneable, and the private keys stay
 * non-extractable); the demo keeps them in memory.
 */
export const heldKeys = new Map<string, CryptoKeyPair>();
