// Command-line parsing for `xlcfg`: options may come before or after the file names.

export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  files: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/** Options that take a value (`--runs 5` or `--runs=5`). */
const WITH_VALUE = new Set(['--from', '--to', '--runs', '--host', '--xen', '--stage', '--paths', '--source', '--format', '--severity-threshold', '--xlconf', '--jobs']);

export function parseArgs(argv: readonly string[], known: ReadonlySet<string>): ParsedArgs {
  const files: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let command = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { files.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (!known.has(name)) throw new UsageError(`unknown option ${name}`);
      if (WITH_VALUE.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value`);
        values.set(name, v);
      } else {
        if (eq > 0) throw new UsageError(`${name} takes no value`);
        flags.add(name);
      }
    } else if (!command) command = a;
    else files.push(a);
  }
  return { command, files, flags, values };
}
