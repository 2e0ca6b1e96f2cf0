// Whether a path names a file on this machine: the document links ask it for the `local` host in a
// trusted workspace only (see server.ts).
import { statSync } from 'node:fs';

export function localFileExists(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
