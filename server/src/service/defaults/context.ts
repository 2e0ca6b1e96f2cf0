// What the defaulting stages share: the target Xen version, the dom0 (host model), libxl's
// compiled-in paths, and the log of what libxl would print.
import type { AnalysisOptions } from '../options';
import { versionNumber } from '../options';
import type { HostModel, HostPhysinfo, PathAccess } from '../host/host-model';
import { REFERENCE_PHYSINFO } from '../host/profiles';
import { absPath, xenPaths, type XenPaths } from '../host/paths';
import { MessageLog, type Assumption } from './messages';

export interface DefaultsContext {
  readonly options: AnalysisOptions;
  readonly host: HostModel;
}

/** A value libxl made up that differs on every run (random MACs): shown as a placeholder. */
export interface GeneratedValue {
  /** JSON pointer into the resolved config, e.g. `/nics/1/mac`. */
  readonly pointer: string;
  readonly what: string;
}

export class DefaultsEnv {
  readonly version: number;
  readonly paths: XenPaths;
  readonly host: HostModel;
  readonly log = new MessageLog();
  /** What we had to assume because the host model does not know (for checks to phrase). */
  readonly assumptions: Assumption[] = [];
  readonly generated: GeneratedValue[] = [];
  /** The guest's domid as libxl would allocate it on the reference host (the oracle uses 1). */
  readonly domid = 1;
  /** c_info.name of the guest being created (a backend may name the guest itself). */
  guestName?: string;
  /** Why the last step failed when libxl itself logs nothing (read once by the caller). */
  private silentFailure?: string;

  failSilently(reason: string): void {
    this.silentFailure = reason;
  }

  takeSilentFailure(): string | undefined {
    const r = this.silentFailure;
    this.silentFailure = undefined;
    return r;
  }
  private uuidCounter = 0;

  constructor(ctx: DefaultsContext) {
    this.version = versionNumber(ctx.options.xenVersion);
    this.paths = xenPaths(ctx.options.paths, ctx.options.xenVersion);
    this.host = ctx.host;
  }

  /** True when the target Xen is at least `v` ('4.12'). */
  atLeast(v: string): boolean {
    return this.version >= versionNumber(v);
  }

  /** True when the hypervisor's answers (physinfo) are not known for this host. */
  get physinfoUnknown(): boolean {
    return this.host.physinfo === 'unknown';
  }

  /**
   * Physinfo; when the dom0 is unknown, an optimistic one (every capability present) so that no
   * refusal is made up: the checks that depend on it record what libxl will need instead.
   */
  physinfo(): HostPhysinfo {
    const p = this.host.physinfo;
    if (p !== 'unknown') return p;
    this.assume({ reason: 'physinfo', text: 'the dom0 hardware is unknown: assuming HAP, an IOMMU shared with HAP and grant table v2' });
    return { ...REFERENCE_PHYSINFO, capVpmu: true };
  }

  assume(a: Assumption): void {
    if (!this.assumptions.some((x) => x.text === a.text)) this.assumptions.push(a);
  }

  /**
   * access(path, X_OK) for a device-model binary: the host model answers for the binaries it
   * knows by component, anything else is asked directly.
   */
  binaryAccess(path: string): PathAccess {
    const component = path === this.paths.qemuXen ? 'qemu-xen'
      : path === this.paths.qemuTraditional ? 'qemu-traditional'
      : undefined;
    if (component) {
      const installed = this.host.installed(component);
      return installed === 'unknown' ? 'unknown' : installed ? 'ok' : 'enoent';
    }
    return this.host.access(path, 'x');
  }

  /** access(path, R_OK) for a stubdomain image. */
  imageAccess(path: string): PathAccess {
    if (path === absPath(this.paths.firmwareDir, 'ioemu-stubdom.gz')) return this.component('stubdom-minios');
    if (path === absPath(this.paths.firmwareDir, 'qemu-stubdom-linux-kernel') ||
        path === absPath(this.paths.firmwareDir, 'qemu-stubdom-linux-rootfs')) return this.component('stubdom-linux');
    return this.host.access(path, 'r');
  }

  private component(c: 'stubdom-minios' | 'stubdom-linux'): PathAccess {
    const installed = this.host.installed(c);
    return installed === 'unknown' ? 'unknown' : installed ? 'ok' : 'enoent';
  }

  /**
   * libxl_uuid_generate as the oracle makes it deterministic: the Nth uuid starts 00 00 N, so
   * the Nth generated MAC is 00:16:3e:00:00:0N (real libxl: random).
   */
  nextUuidBytes(): [number, number, number] {
    this.uuidCounter++;
    return [0, 0, this.uuidCounter & 0xff];
  }
}

/** strerror texts libxl appends with LOGE. */
export function strerror(access: PathAccess): string {
  switch (access) {
    case 'enoent': return 'No such file or directory';
    case 'eacces': return 'Permission denied';
    default: return 'Success';
  }
}
