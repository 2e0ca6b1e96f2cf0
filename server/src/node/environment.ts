// What the server reads from the machine it runs on, behind the pure service's interfaces: the
// `local` host model and the locally installed xl.cfg(5) man page. Both are read lazily, once.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { HostModel, PathsProfile, XenVersion } from '../service';
import { createLocalHost } from './local-host';

const hosts = new Map<string, HostModel>();
/** The `local` host model for a paths profile and Xen release (built once per pair). */
export function localHostModel(paths: PathsProfile = 'debian', version: XenVersion = '4.17'): HostModel {
  const key = `${paths}|${version}`;
  let h = hosts.get(key);
  if (!h) { h = createLocalHost(paths, version); hosts.set(key, h); }
  return h;
}

const MAN_PATHS = ['/usr/share/man/man5/xl.cfg.5.gz', '/usr/share/man/man5/xl.cfg.5', '/usr/local/share/man/man5/xl.cfg.5', '/usr/local/share/man/man5/xl.cfg.5.gz'];
let man: string | null | undefined;
/** The roff text of the installed xl.cfg(5), or null when the machine has none. */
export function localManPage(): string | null {
  if (man !== undefined) return man;
  man = null;
  for (const p of MAN_PATHS) {
    try {
      if (!existsSync(p)) continue;
      const raw = readFileSync(p);
      man = (p.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
      break;
    } catch { /* unreadable: try the next */ }
  }
  return man;
}
