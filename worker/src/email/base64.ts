/** Bytes → base64 without Node's Buffer, in chunks (String.fromCharCode(...big) overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** base64 → bytes; null when the text is not base64 (an inbound attachment we cannot read). */
export function base64ToBytes(text: string): Uint8Array | null {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Size of n bytes once base64-encoded (what Postmark counts toward its 10 MB limit). */
export const base64Size = (n: number) => 4 * Math.ceil(n / 3);
