// The files `xlcfg check` is given: a file as is, a directory for the guest configs in it (*.cfg, *.xl,
// *.xlcfg, xlexample.*) and an xl.conf (xl's global config, checked with its own keys), and a glob (`*`, `?`, `**`) expanded here with node's fs, as a shell would
// (for shells that do not, and for quoted patterns in CI). `*` and `?` do not match `/` nor a leading
// dot; `**` matches any number of folders. Every list is sorted, each file once.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './args';

export const CONFIG_NAME = /\.(cfg|xl|xlcfg)$/;

const isConfigName = (name: string) => CONFIG_NAME.test(name) || name.startsWith('xlexample.') || name === 'xl.conf';
const hasGlob = (s: string) => /[*?]/.test(s);

function kind(path: string): 'dir' | 'file' | 'none' {
  try { return statSync(path).isDirectory() ? 'dir' : 'file'; } catch { return 'none'; }
}

function configsIn(dir: string): string[] {
  return readdirSync(dir).sort().filter(isConfigName).map((name) => join(dir, name)).filter((p) => kind(p) === 'file');
}

/** One glob segment (no `/`) as a regular expression. */
function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (const c of seg) re += c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  return new RegExp(`^${re}$`);
}

function safeReaddir(dir: string): string[] {
  try { return readdirSync(dir).sort(); } catch { return []; }
}

/** The files that match `pattern` (directories are not matched: a pattern names files). */
export function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (absolute) segs.shift();
  const out: string[] = [];
  const walk = (base: string, shown: string, i: number) => {
    if (i === segs.length) { if (kind(base) === 'file') out.push(shown); return; }
    const seg = segs[i]!;
    const child = (name: string) => [join(base, name), shown === '' ? name : shown === '/' ? `/${name}` : `${shown}/${name}`] as const;
    if (seg === '**') {
      walk(base, shown, i + 1); // zero folders
      for (const name of safeReaddir(base)) {
        if (name.startsWith('.')) continue;
        const [p, s] = child(name);
        if (kind(p) === 'dir') walk(p, s, i); // one more folder
      }
      return;
    }
    if (!hasGlob(seg)) { const [p, s] = child(seg); if (kind(p) !== 'none') walk(p, s, i + 1); return; }
    const re = segmentRegExp(seg);
    for (const name of safeReaddir(base)) {
      if (name.startsWith('.') && !seg.startsWith('.')) continue;
      if (re.test(name)) { const [p, s] = child(name); walk(p, s, i + 1); }
    }
  };
  walk(absolute ? '/' : '.', absolute ? '/' : '', 0);
  return out;
}

/** The files to check, from the command line's arguments. */
export function expandFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (f: string) => { const k = resolve(f); if (!seen.has(k)) { seen.add(k); out.push(f); } };
  for (const a of args) {
    const k = kind(a);
    if (k === 'dir') configsIn(a).forEach(push);
    else if (k === 'file' || !hasGlob(a)) push(a); // a missing file is reported when it is read
    else {
      const matches = [...new Set(expandGlob(a))].sort();
      if (!matches.length) throw new UsageError(`no file matches ${a}`);
      matches.forEach(push);
    }
  }
  return out;
}
