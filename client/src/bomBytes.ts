// The UTF-8 byte-order mark, which libxlutil rejects (lexical error on line 1) but VS Code hides:
// it strips the BOM before the language server sees the text. Pure byte helpers, no vscode import.

/** True when the bytes start with EF BB BF. */
export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The same bytes without a leading BOM (the input itself when it has none). */
export function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
  return startsWithUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
}
