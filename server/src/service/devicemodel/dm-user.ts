// Mirrors libxl__domain_get_device_model_uid in tools/libs/light/libxl_dm.c (Xen 4.17): which user
// qemu-xen runs as (`-runas`), looked up in the dom0's passwd, and the refusals on the way.
import { failure, logLine, type Failure } from './argv-writer';
import type { DeviceModelHost, DmLine } from './types';
import type { Assumption } from '../defaults';

const FN = 'libxl__domain_get_device_model_uid';
export const QEMU_USER_SHARED = 'xen-qemuuser-shared';
export const QEMU_USER_RANGE_BASE = 'xen-qemuuser-range-base';

export interface DmUser {
  /** The `-runas` value, or undefined when qemu stays root. */
  readonly runas?: string;
  /** Whether `runas` holds a value the host model could not know. */
  readonly runasGuessed: boolean;
  /** The uid libxl records to kill the device model by (`device-model-kill-uid`). */
  readonly killUid?: string;
  readonly warnings: DmLine[];
  readonly assumptions: Assumption[];
}

export function deviceModelUser(opts: {
  host: DeviceModelHost;
  domid: number;
  qemuXen: boolean;
  dmRestrict: boolean;
  deviceModelUser?: string;
}): DmUser | Failure {
  const { host, domid } = opts;
  const none: DmUser = { runasGuessed: false, warnings: [], assumptions: [] };
  if (!opts.qemuXen) return none;

  const rootCheck = (uid: number | undefined, user: DmUser): DmUser | Failure =>
    uid === 0 ? failure(logLine('dm-user-root', FN, domid, 'intended_uid is 0 (root)!')) : user;

  if (opts.deviceModelUser !== undefined) {
    const name = opts.deviceModelUser;
    const found = host.userByName(name);
    if (found === null) return failure(logLine('dm-user-missing', FN, domid, `Couldn't find device_model_user ${name}`));
    if (found === 'unknown') {
      return { runas: name, runasGuessed: false, warnings: [], assumptions: [{ reason: 'dm-user', users: [name], notRoot: true, keys: ['device_model_user'], text: `libxl refuses to start qemu unless user ${name} exists on the dom0 (and is not root)` }] };
    }
    return rootCheck(found.uid, { runas: name, runasGuessed: false, killUid: `${found.uid}`, warnings: [], assumptions: [] });
  }
  if (!opts.dmRestrict) return none;

  const base = host.userByName(QEMU_USER_RANGE_BASE);
  if (base === 'unknown') {
    return {
      runas: `<uid of ${QEMU_USER_RANGE_BASE} + ${domid}>:<its gid>`, runasGuessed: true, warnings: [],
      assumptions: [{ reason: 'dm-user', users: [QEMU_USER_RANGE_BASE, QEMU_USER_SHARED], notRoot: false, keys: ['dm_restrict', 'device_model_user'], text: `libxl refuses dm_restrict unless user ${QEMU_USER_RANGE_BASE} or ${QEMU_USER_SHARED} exists on the dom0` }],
    };
  }
  if (base !== null) {
    const uid = base.uid + domid;
    const clash = host.userByUid(uid);
    if (clash !== null && clash !== 'unknown') {
      return failure(logLine('dm-user-uid-taken', FN, domid, `wanted to use uid ${uid} (${QEMU_USER_RANGE_BASE} + ${domid}) but that is user ${clash.name} !`));
    }
    return rootCheck(uid, { runas: `${uid}:${base.gid}`, runasGuessed: false, killUid: `${uid}`, warnings: [], assumptions: [] });
  }
  const shared = host.userByName(QEMU_USER_SHARED);
  if (shared !== null) {
    const warning = logLine('dm-user-shared-fallback', FN, domid, `Could not find user ${QEMU_USER_RANGE_BASE}, falling back to ${QEMU_USER_SHARED}`);
    if (shared === 'unknown') {
      return { runas: QEMU_USER_SHARED, runasGuessed: false, warnings: [warning], assumptions: [{ reason: 'dm-user', users: [QEMU_USER_SHARED], notRoot: false, keys: ['dm_restrict', 'device_model_user'], text: `libxl refuses dm_restrict unless user ${QEMU_USER_SHARED} exists on the dom0` }] };
    }
    return rootCheck(shared.uid, { runas: QEMU_USER_SHARED, runasGuessed: false, warnings: [warning], assumptions: [] });
  }
  return failure(logLine('dm-user-none', FN, domid, `Could not find user ${QEMU_USER_SHARED} or range base pseudo-user ${QEMU_USER_RANGE_BASE}, cannot restrict`));
}
