// Bytes <-> text without Node's Buffer, so that the service runs in a browser worker too.

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** UTF-8 text of the bytes (invalid sequences become U+FFFD, as Node's Buffer does). */
export function utf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** One character per byte (ISO-8859-1), the way C code sees a config's bytes. */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

export function utf8Bytes(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Length of the text in UTF-8 bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** The bytes with [start, end) replaced. */
export function splice(bytes: Uint8Array, start: number, end: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (end - start) + insert.length);
  out.set(bytes.subarray(0, start), 0);
  out.set(insert, start);
  out.set(bytes.subarray(end), start + insert.length);
  return out;
}
