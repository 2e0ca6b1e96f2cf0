// Mirrors the device-model launch decisions of tools/libs/light/libxl_dm.c (Xen 4.17):
// libxl__spawn_local_dm (binary check, -runas user, dm_restrict's pre-opened QMP socket, then the
// builder), libxl__spawn_stub_dm (stub-domain image checks, then the builder with "stubdom-dm")
// and libxl__need_xenpv_qemu for PV/PVH. Takes the config after libxl's defaults.
import { dmView, type DmView } from './config-view';
import { enumOf, str } from '../model/domain-view';
import { bareLine, isFailure, logLine, type ArgvWriter, type Failure } from './argv-writer';
import { deviceModelUser } from './dm-user';
import { NO_XENPV_QEMU_REASON, xenpvQemuReason, type Assumption } from '../defaults';
import { xenPaths, type XenPaths } from '../host/paths';
import { spawnHost, type SpawnHost } from './host-adapter';
import { buildQemuXenArgs } from './qemu-xen';
import { buildTraditionalArgs } from './qemu-traditional';
import { deviceModelRules, withQemuProbe, type DeviceModelRules } from './versions';
import type { DeviceModelContext, DeviceModelResult, DeviceModelVersion, DmLine, ResolvedConfig } from './types';

/** The fd number the oracle's process gets for the pre-opened QMP socket; a placeholder. */
export const QMP_FD_PLACEHOLDER = 7;

export function buildDeviceModelArgv(resolved: ResolvedConfig, ctx: DeviceModelContext): DeviceModelResult {
  const d = dmView(resolved, ctx.generated);
  const rules = withQemuProbe(deviceModelRules(ctx.options.xenVersion), ctx.host.qemuVersion);
  const version: DeviceModelVersion =
    enumOf(d.b, 'device_model_version', 'qemu_xen') === 'qemu_xen_traditional' ? 'qemu_xen_traditional' : 'qemu_xen';
  const base = { device_model_version: version, label: rules.label };
  const paths = xenPaths(ctx.options.paths, ctx.options.xenVersion);
  const env: Env = { paths, host: spawnHost(ctx.host, paths) };

  if (version === 'qemu_xen_traditional' && !rules.traditionalAvailable) {
    return errorResult(base, bareLine('traditional-removed', `Unknown device_model_version "qemu-xen-traditional" specified`), [],
      [{ reason: 'traditional-removed', text: `qemu-xen-traditional was removed in Xen 4.21; xl ${rules.xenVersion} refuses the config` }]);
  }
  if (d.type === 'hvm' && d.stubdomain) return stubdomain(d, ctx, env, rules, base);
  if (d.type !== 'hvm') {
    const why = xenpvQemuReason(resolved, ctx.options.xenVersion);
    if (why === undefined) {
      return { ...base, outcome: 'no_device_model', argv: [], env: {}, log: [], lines: [], notes: [], placeholders: [], assumptions: [], reason: `A ${d.type.toUpperCase()} guest gets a dom0 qemu only when a device needs it; here ${NO_XENPV_QEMU_REASON}.` };
    }
    if (d.stubdomain) {
      // libxl__spawn_local_dm refuses to run for a guest that asked for a stubdomain: with abort().
      return {
        ...base, outcome: 'crash', argv: [], env: {}, log: [], lines: [], notes: [], placeholders: [], assumptions: [],
        crash: `libxl aborts (SIGABRT) when it starts the guest: a ${d.type.toUpperCase()} guest gets a dom0 qemu because ${why}, ` +
          'but device_model_stubdomain_override = 1 asks for a stub domain, which only HVM guests have. Remove device_model_stubdomain_override.',
      };
    }
    return localDm(d, ctx, env, rules, base, `qemu serves this ${d.type.toUpperCase()} guest because ${why}`);
  }
  return localDm(d, ctx, env, rules, base, undefined);
}

type Base = { device_model_version: DeviceModelVersion; label: string };

/** The refusal `error`, after the lines libxl logged on the way (`context`: those that say why). */
function errorResult(base: Base, error: DmLine, log: readonly DmLine[], assumptions: Assumption[] = [], context?: readonly DmLine[]): DeviceModelResult {
  const lines = log.filter((l) => !context?.includes(l));
  return {
    ...base, outcome: 'error', argv: [], env: {}, error: error.line, log: [...log.map((l) => l.line), error.line], lines,
    failure: error, ...(context?.length ? { failureContext: context } : {}), notes: [], placeholders: [], assumptions,
  };
}

/** libxl__domain_device_model: `device_model_override` if given, else the version's binary. */
export function deviceModelBinary(paths: XenPaths, version: DeviceModelVersion, override: string | undefined): string {
  if (override !== undefined) return override;
  return version === 'qemu_xen_traditional' ? paths.qemuTraditional : paths.qemuXen;
}

interface Env {
  readonly paths: XenPaths;
  readonly host: SpawnHost;
}

function build(d: DmView, dm: string, ctx: DeviceModelContext, env: Env, rules: DeviceModelRules, version: DeviceModelVersion,
  state: { monitorFd: number; runas?: string }): ArgvWriter | Failure {
  const paths = env.paths;
  if (version === 'qemu_xen_traditional') return buildTraditionalArgs({ dm, d, domid: ctx.domid, rules });
  return buildQemuXenArgs({ dm, d, domid: ctx.domid, runDir: paths.runDir, state, rules, host: ctx.host });
}

/** libxl__spawn_stub_dm: the stub domain's images must be readable, then its qemu's arguments. */
function stubdomain(d: DmView, ctx: DeviceModelContext, env: Env, rules: DeviceModelRules, base: Base): DeviceModelResult {
  const domid = ctx.domid;
  const assumptions: Assumption[] = [];
  for (const [field, what] of [['stubdomain_kernel', 'kernel'], ['stubdomain_ramdisk', 'ramdisk']] as const) {
    const path = str(d.b, field);
    if (path === undefined) continue;
    const readable = env.host.readAccess(path);
    if (readable.ok === false) {
      return errorResult(base, logLine('stubdomain-image-missing', 'libxl__spawn_stub_dm', domid, `could not access stubdomain ${what} ${path}: ${readable.reason}`), []);
    }
    if (readable.ok === 'unknown') assumptions.push({ reason: 'stubdomain-image', image: what, path, text: `the stub domain ${what} ${path} must exist on the dom0` });
  }
  const w = build(d, 'stubdom-dm', ctx, env, rules, base.device_model_version, { monitorFd: -1 });
  if (isFailure(w)) return errorResult(base, w.error, [], assumptions);
  return { ...base, outcome: 'stubdom', argv: w.argv, env: {}, log: w.log.map((l) => l.line), lines: w.log, notes: w.notes, placeholders: w.placeholders, assumptions };
}

/** libxl__spawn_local_dm up to the exec. */
function localDm(d: DmView, ctx: DeviceModelContext, env: Env, rules: DeviceModelRules, base: Base, reason: string | undefined): DeviceModelResult {
  const domid = ctx.domid;
  const version = base.device_model_version;
  const paths = env.paths;
  const dm = deviceModelBinary(paths, version, str(d.b, 'device_model'));
  const assumptions: Assumption[] = [];
  const fn = 'libxl__spawn_local_dm';

  const executable = env.host.execAccess(dm);
  if (executable.ok === false) {
    const r = errorResult(base, logLine('dm-not-executable', fn, domid, `device model ${dm} is not executable: ${executable.reason}`), []);
    // Debian's libxl adds an installation hint (its patch drops upstream's fallback to traditional).
    if (paths.profile === 'debian' && version === 'qemu_xen' && dm === paths.qemuXen) {
      return withExtraLog(r, logLine('dm-install-hint', fn, domid, 'Please install the qemu-system-xen package for this domain to work'));
    }
    return r;
  }
  if (executable.ok === 'unknown') assumptions.push({ reason: 'dm-binary', path: dm, text: `the device model ${dm} must be installed on the dom0` });

  const user = deviceModelUser({
    host: env.host, domid, qemuXen: version === 'qemu_xen', dmRestrict: d.dmRestrict, deviceModelUser: str(d.b, 'device_model_user'),
  });
  if (isFailure(user)) return errorResult(base, user.error, [], assumptions);
  assumptions.push(...user.assumptions);

  const monitorFd = version === 'qemu_xen' && d.dmRestrict && rules.restrictChrootAndQmpFd ? QMP_FD_PLACEHOLDER : -1;
  const w = build(d, dm, ctx, env, rules, version, { monitorFd, runas: user.runas });
  if (isFailure(w)) {
    return errorResult(base, w.error, [...user.warnings, ...(w.log ?? [])], assumptions, w.log);
  }
  const placeholders = [...w.placeholders];
  if (user.runasGuessed && d.type === 'hvm') placeholders.push(w.argv.length - 1);
  return {
    ...base, outcome: 'spawn', argv: w.argv, env: w.env, log: [...user.warnings, ...w.log].map((l) => l.line), lines: [...user.warnings, ...w.log], notes: w.notes,
    placeholders: placeholders.sort((a, b) => a - b), assumptions, ...(reason ? { reason } : {}),
  };
}

function withExtraLog(r: DeviceModelResult, line: DmLine): DeviceModelResult {
  return { ...r, log: [...r.log, line.line], lines: [...r.lines, line] };
}
