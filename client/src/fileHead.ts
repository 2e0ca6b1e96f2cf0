// The first bytes of a local file, read with Node (three bytes, not the whole file); other schemes
// go through VS Code's file system. Desktop only: the web client uses readHeadThroughVscode.
import { promises as fs } from 'node:fs';
import { readHeadThroughVscode, type HeadReader } from './byteOrderMark';

export const readHeadWithNode: HeadReader = async (uri) => {
  if (uri.scheme !== 'file') return readHeadThroughVscode(uri);
  try {
    const handle = await fs.open(uri.fsPath, 'r');
    try {
      const buf = new Uint8Array(3);
      const { bytesRead } = await handle.read(buf, 0, 3, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
};
