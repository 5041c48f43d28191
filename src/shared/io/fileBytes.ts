// A file's bytes as the hosts and the renderer pass them around: text decoding (UTF-8, else the Windows code page)
// and base64, which is how bytes cross the JSON-only renderer ↔ host contract. No Node Buffer: the renderer, the web
// page and main all use these.

/** UTF-8 (with or without BOM), else Windows-1252: the CTU program and older Excel write files in the Windows code page. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** base64 of bytes, in chunks (String.fromCharCode with millions of arguments overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000
  let binary = ''
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK))
  }
  return btoa(binary)
}

/** The bytes of base64 text (atob throws on anything that is not base64). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
