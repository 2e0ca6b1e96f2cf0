// The device-model preview document: the qemu command line libxl would run, one option per line
// with its meaning, grouped, then a copyable shell one-liner; libxl's error instead when it refuses.
import type { AnalysisOptions } from '../options';
import { ARG_GROUPS, type ArgGroup, type DeviceModelResult } from './types';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word for a POSIX shell (single quotes; a quote inside becomes '\''). */
export function shellQuoteWord(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line as one shell-safe string. */
export function shellQuote(argv: readonly string[]): string {
  return argv.map(shellQuoteWord).join(' ');
}

const GROUP_TITLES: Record<ArgGroup, string> = {
  identity: 'identity: binary, guest, machine, memory, vCPUs',
  monitor: 'monitor: QMP control sockets and channels',
  display: 'display: VNC, SDL, SPICE, graphics card, serial, keyboard',
  disks: 'disks: emulated drives and controllers',
  network: 'network: emulated NICs and their taps',
  restrictions: 'restrictions: dm_restrict and the unprivileged user',
  other: 'other: boot order, USB, sound, ACPI, extra arguments',
};

const VERSION_NAMES = { qemu_xen: 'qemu-xen', qemu_xen_traditional: 'qemu-xen-traditional', unknown: 'The device model' } as const;

/** One line per option: the option and its values, padded, then `# meaning`. */
function optionLines(result: DeviceModelResult): Map<ArgGroup, string[]> {
  const byGroup = new Map<ArgGroup, string[]>();
  const placeholders = new Set(result.placeholders);
  let i = 0;
  while (i < result.argv.length) {
    const note = result.notes[i];
    let j = i + 1;
    while (j < result.argv.length && result.notes[j] && !result.notes[j]!.first) j++;
    const words = result.argv.slice(i, j);
    const generated = words.some((_, k) => placeholders.has(i + k));
    const text = shellQuote(words);
    const meaning = (note?.meaning ?? '') + (generated ? ' [generated: differs on the real host]' : '');
    const group = note?.group ?? 'other';
    const lines = byGroup.get(group) ?? [];
    lines.push(meaning ? `${text.padEnd(Math.max(40, text.length + 2))}# ${meaning}` : text);
    byGroup.set(group, lines);
    i = j;
  }
  return byGroup;
}

export function formatPreview(result: DeviceModelResult, options: AnalysisOptions): string {
  const out: string[] = [];
  const where = `Xen ${options.xenVersion} target, ${options.host} host, ${options.paths} paths`;
  out.push(`# Device model (qemu) for this guest, ${result.label}`);
  out.push(`# ${where}`);

  if (result.outcome === 'error') {
    out.push(`# ${VERSION_NAMES[result.device_model_version]}: libxl refuses to start it${result.device_model_version === 'unknown' ? ' (before choosing its version)' : ''}:`);
    out.push('#');
    for (const line of result.log) out.push(...line.split('\n').map((l) => `#   ${l}`));
    appendAssumptions(out, result);
    return out.join('\n') + '\n';
  }
  if (result.outcome === 'no_device_model') {
    out.push('# No device model is started.');
    if (result.reason) out.push(`# ${result.reason}`);
    appendAssumptions(out, result);
    return out.join('\n') + '\n';
  }

  if (result.outcome === 'stubdom') {
    out.push(`# ${VERSION_NAMES[result.device_model_version]} runs inside a stub domain; these are the arguments libxl hands it`);
    out.push('# (argv[0] "stubdom-dm" is a placeholder; no dom0 process is started for the emulation itself).');
  } else {
    out.push(`# ${VERSION_NAMES[result.device_model_version]}, started by libxl in dom0${result.reason ? `: ${result.reason}` : ''}.`);
  }
  for (const line of result.log) out.push(...line.split('\n').map((l) => `# libxl warning: ${l}`));
  appendAssumptions(out, result);

  const byGroup = optionLines(result);
  for (const group of ARG_GROUPS) {
    const lines = byGroup.get(group);
    if (!lines?.length) continue;
    out.push('', `# --- ${GROUP_TITLES[group]}`);
    out.push(...lines);
  }
  const envNames = Object.keys(result.env);
  if (envNames.length) {
    out.push('', '# --- environment');
    for (const name of envNames) out.push(`${name}=${shellQuoteWord(result.env[name]!)}`);
  }
  out.push('', '# --- as one command line (in the order libxl passes it)');
  const envPrefix = envNames.map((n) => `${n}=${shellQuoteWord(result.env[n]!)}`);
  out.push([...envPrefix, shellQuote(result.argv)].join(' '));
  return out.join('\n') + '\n';
}

function appendAssumptions(out: string[], result: DeviceModelResult): void {
  for (const a of result.assumptions) out.push(`# assumed: ${a.text}`);
}
