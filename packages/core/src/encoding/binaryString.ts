// `btoa` and `atob` work on "binary strings": one character per byte, char codes 0–255.

/** The bytes as a binary string, for `btoa`. */
export function toBinaryString(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return binary;
}

/** The bytes of a binary string, from `atob`. */
export function fromBinaryString(binary: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
