// The node side of the `local` host profile: reads this machine (is it a Xen dom0, `xl info`,
// getent passwd, access/stat) for the pure host model in service/host/local-host.ts.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import {
  localHost, xenPaths, type HostModel, type HostPhysinfo, type HostUser, type LocalHostReader, type PathsProfile, type XenVersion,
} from '../service';

const TIMEOUT_MS = 2000;

function run(cmd: string, args: string[]): string | undefined {
  try {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: TIMEOUT_MS });
    return r.status === 0 ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** Parses `xl info` (key : value lines) into physinfo; undefined when a field is missing. */
export function parseXlInfo(text: string): HostPhysinfo | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) fields.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  const n = (k: string) => Number.parseInt(fields.get(k) ?? '', 10);
  const caps = new Set((fields.get('virt_caps') ?? '').split(/\s+/));
  const nrCpus = n('nr_cpus');
  const totalMib = n('total_memory');
  if (!Number.isFinite(nrCpus) || !Number.isFinite(totalMib)) return undefined;
  return {
    nrCpus,
    nrNodes: n('nr_nodes') || 1,
    coresPerSocket: n('cores_per_socket') || nrCpus,
    threadsPerCore: n('threads_per_core') || 1,
    totalMemKb: totalMib * 1024,
    freeMemKb: (n('free_memory') || 0) * 1024,
    capHvm: caps.has('hvm'),
    capPv: caps.has('pv'),
    capHap: caps.has('hap'),
    capShadow: caps.has('shadow'),
    capHvmDirectio: caps.has('hvm_directio') || caps.has('directio'),
    capIommuHapPtShare: caps.has('iommu_hap_pt_share'),
    capVpmu: caps.has('vpmu'),
    capGnttabV1: caps.has('gnttab-v1'),
    capGnttabV2: caps.has('gnttab-v2'),
  };
}

/** Parses one `getent passwd` line. */
export function parsePasswdLine(line: string): HostUser | null {
  const f = line.trim().split(':');
  if (f.length < 4) return null;
  const uid = Number.parseInt(f[2]!, 10);
  const gid = Number.parseInt(f[3]!, 10);
  return Number.isFinite(uid) && Number.isFinite(gid) ? { name: f[0]!, uid, gid } : null;
}

export class NodeLocalHostReader implements LocalHostReader {
  private dom0?: boolean;
  private info?: HostPhysinfo | null;
  private readonly users = new Map<string, HostUser | null>();

  isDom0(): boolean {
    if (this.dom0 === undefined) {
      try {
        this.dom0 = readFileSync('/proc/xen/capabilities', 'utf8').includes('control_d');
      } catch {
        this.dom0 = false;
      }
    }
    return this.dom0;
  }

  physinfo(): HostPhysinfo | undefined {
    if (this.info === undefined) {
      const out = run('xl', ['info']);
      this.info = out ? parseXlInfo(out) ?? null : null;
    }
    return this.info ?? undefined;
  }

  lookupUser(name: string): HostUser | null {
    if (!this.users.has(name)) {
      const out = run('getent', ['passwd', name]);
      this.users.set(name, out ? parsePasswdLine(out.split('\n')[0] ?? '') : null);
    }
    return this.users.get(name) ?? null;
  }

  lookupUid(uid: number): HostUser | null {
    const key = `#${uid}`;
    if (!this.users.has(key)) {
      const out = run('getent', ['passwd', String(uid)]);
      this.users.set(key, out ? parsePasswdLine(out.split('\n')[0] ?? '') : null);
    }
    return this.users.get(key) ?? null;
  }

  access(path: string, mode: 'x' | 'r'): 'ok' | 'enoent' | 'eacces' {
    try {
      accessSync(path, mode === 'x' ? constants.X_OK : constants.R_OK);
      return 'ok';
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'enoent' : 'eacces';
    }
  }

  /** dpkg's status file: the package database, read, never QEMU run. */
  dpkgStatus(): string | undefined {
    try {
      return readFileSync('/var/lib/dpkg/status', 'utf8');
    } catch {
      return undefined;
    }
  }

  pathKind(path: string): 'block' | 'file' | 'other' | 'missing' {
    try {
      const st = statSync(path);
      return st.isBlockDevice() ? 'block' : st.isFile() ? 'file' : 'other';
    } catch {
      return 'missing';
    }
  }
}

/** The `local` host model for this machine (reads are cached per model). */
export function createLocalHost(paths: PathsProfile = 'debian', version?: XenVersion): HostModel {
  return localHost(new NodeLocalHostReader(), xenPaths(paths, version));
}
