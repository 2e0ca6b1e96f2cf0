// Small I/O helpers for the CLI: reading files as bytes, and writing JSON to stdout.
import { UsageError } from './args';
import { readFileSync } from 'node:fs';
import { stringifyDeep } from '../service';

export class FileError extends Error {}

export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new FileError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(stringifyDeep(value, 1) + '\n');
}

export function needOneFile(files: string[], command: string): string {
  if (files.length !== 1) throw new UsageError(`${command} takes exactly one FILE`);
  return files[0]!;
}
