// Collects a command line the way libxl's flexarray does, plus what the preview needs: a note per
// element (group, meaning, source keys), the generated values, the environment and log lines.
import type { ArgGroup, ArgNote } from './types';

export interface Note {
  readonly group: ArgGroup;
  readonly meaning: string;
  readonly keys?: readonly string[];
}

/** A libxl failure while building: libxl's log line (`function: Domain N:text`). */
export interface Failure {
  readonly error: string;
  /** What libxl logged on the way to the refusal (lines before `error`). */
  readonly log?: readonly string[];
}

export function failure(error: string, log?: readonly string[]): Failure {
  return log?.length ? { error, log } : { error };
}

export function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export class ArgvWriter {
  readonly argv: string[] = [];
  readonly notes: ArgNote[] = [];
  readonly placeholders: number[] = [];
  readonly env: Record<string, string> = {};
  readonly log: string[] = [];

  /** Appends an option and its values, all described by one note. */
  add(note: Note, ...args: string[]): void {
    args.forEach((a, i) => {
      this.argv.push(a);
      this.notes.push({ group: note.group, meaning: note.meaning, first: i === 0, ...(note.keys ? { keys: note.keys } : {}) });
    });
  }

  /** Marks the last appended element as holding a generated value. */
  markLastGenerated(): void {
    this.placeholders.push(this.argv.length - 1);
  }

  setEnv(name: string, value: string): void {
    this.env[name] = value;
  }
}

/** libxl's log prefix for messages about a domain: `function: Domain N:text`. */
export function logLine(fn: string, domid: number | undefined, text: string): string {
  return domid === undefined ? `${fn}: ${text}` : `${fn}: Domain ${domid}:${text}`;
}
