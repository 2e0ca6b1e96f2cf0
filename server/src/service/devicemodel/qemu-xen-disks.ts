// Mirrors the emulated-disk loop of libxl__build_device_model_args_new in
// tools/libs/light/libxl_dm.c (Xen 4.17): which disks qemu emulates (IDE, AHCI, SCSI, CD-ROM), with
// which image path and format, and the warnings for disks left to the PV drivers.
import { cstr, type DmView } from './config-view';
import { defboolVal, enumOf, int, str, type Disk } from '../model/domain-view';
import { failure, logLine, type ArgvWriter, type Failure } from './argv-writer';
import { diskLocalPath, diskNumber, qemuDiskFormat } from './disk-names';
import type { DmReason } from './types';

const FN = 'libxl__build_device_model_args_new';
const keys = ['disk'];

type ColoMode = 'none' | 'primary' | 'secondary';

export function writeQemuXenDisks(w: ArgvWriter, d: DmView, domid: number, stubdom: boolean): Failure | undefined {
  const ahci = enumOf(d.hvm, 'hdtype', 'ide') === 'ahci';
  if (ahci) w.add({ group: 'disks', meaning: 'AHCI (SATA) controller', keys: ['hdtype'] }, '-device', 'ahci,id=ahci0');
  const warn = (reason: DmReason, text: string, vdev?: string): void => { w.log.push(logLine(reason, FN, domid, text, vdev)); };

  for (const disk of d.disks) {
    const vdev = str(disk, 'vdev') ?? '';
    const num = diskNumber(vdev);
    if (!num) {
      warn('disk-number-unknown', `unable to determine disk number for ${vdev}`, vdev);
      continue;
    }
    const index = num.disk;
    const isCdrom = !!int(disk, 'is_cdrom');
    const readwrite = !!int(disk, 'readwrite');
    const diskFormat = enumOf(disk, 'format', 'unknown');
    let format: string | undefined;
    if (stubdom) format = 'host_device';
    else if (enumOf(disk, 'backend', 'unknown') === 'qdisk') format = qemuDiskFormat(diskFormat);
    else format = 'raw';

    let target: string | undefined;
    if (diskFormat === 'empty') {
      if (!isCdrom) {
        warn('disk-format-empty', `Cannot support empty disk format for ${vdev}`, vdev);
        continue;
      }
    } else if (stubdom) {
      if (index > 25) {
        warn('disk-stubdomain-limit', `Emulation of only first 25 disks is supported with qemu-xen in stubdomain.\nDisk ${index} will be available via PV drivers but not as an emulated disk.`);
        continue;
      }
      target = `/dev/xvd${String.fromCharCode(97 + index)}`;
    } else {
      if (format === undefined) {
        warn('disk-format-unknown', `Unable to determine disk image format: ${vdev}\nDisk will be available via PV drivers but not as an emulated disk.`, vdev);
        continue;
      }
      target = diskLocalPath(disk);
      if (target === undefined) {
        warn('disk-no-local-access', `No way to get local access disk to image: ${vdev}\nDisk will be available via PV drivers but not as an emulated disk.`, vdev);
        continue;
      }
    }

    if (isCdrom) {
      if (index > 4) {
        warn('cdrom-slot', `Emulated CDROM can be only one of the first 4 disks.\nDisk ${vdev} will be available via PV drivers but not as an emulated disk.`, vdev);
        continue;
      }
      const id = `ide-${num.devNumber}`;
      let drive = `if=none,readonly=on,id=${id}`;
      if (target !== undefined) drive += `,file=${target},format=${format}`;
      const note = { group: 'disks' as const, meaning: `CD-ROM ${vdev}${target !== undefined ? ` (${target})` : ' (no medium)'}`, keys };
      w.add(note, '-drive', drive);
      w.add(note, '-device', `ide-cd,id=${id},drive=${id},bus=ide.${Math.floor(index / 2)},unit=${index % 2}`);
      continue;
    }

    const colo: ColoMode = defboolVal(disk, 'colo_enable')
      ? (defboolVal(disk, 'colo_restore_enable') ? 'secondary' : 'primary')
      : 'none';

    if (vdev.startsWith('sd')) {
      const note = { group: 'disks' as const, meaning: `SCSI disk ${vdev} (${target})`, keys };
      const common = `if=none,readonly=${readwrite ? 'off' : 'on'},cache=writeback`;
      if (colo === 'secondary') {
        w.add(note, '-drive', `if=none,driver=${format},file=${target},id=${cstr(disk, 'colo_export')},readonly=${readwrite ? 'off' : 'on'}`);
      }
      const { drive, id } = scsiDrive(disk, target!, index, format!, colo, common);
      w.add(note, '-drive', drive);
      w.add(note, '-device', `scsi-hd,drive=${id},scsi-id=${index}`);
      continue;
    }
    if (index < 6 && ahci) {
      if (!readwrite) return failure(logLine('disk-read-only-ahci', FN, domid, "qemu-xen doesn't support read-only AHCI disk drivers"));
      const note = { group: 'disks' as const, meaning: `SATA disk ${vdev} (${target})`, keys };
      w.add(note, '-drive', `file=${target},if=none,id=ahcidisk-${index},format=${format},cache=writeback`);
      w.add(note, '-device', `ide-hd,bus=ahci0.${index},unit=0,drive=ahcidisk-${index}`);
      continue;
    }
    if (index < 4) {
      if (!readwrite) return failure(logLine('disk-read-only-ide', FN, domid, "qemu-xen doesn't support read-only IDE disk drivers"));
      const note = { group: 'disks' as const, meaning: `IDE disk ${index} from ${vdev} (${target})`, keys };
      if (colo === 'secondary') w.add(note, '-drive', `if=none,driver=${format},file=${target},id=${cstr(disk, 'colo_export')}`);
      w.add(note, '-drive', ideDrive(disk, target!, index, format!, colo));
      continue;
    }
    warn('ide-disk-limit', `Only 4 emulated IDE disks are supported.\nDisk ${vdev} will be available via PV drivers but not as an emulated disk.`, vdev);
  }
  return undefined;
}

function scsiDrive(disk: Disk, target: string, unit: number, format: string, colo: ColoMode, common: string): { drive: string; id: string } {
  const exportName = cstr(disk, 'colo_export');
  switch (colo) {
    case 'none': {
      const id = `scsi0-hd${unit}`;
      return { id, drive: `file=${target},id=${id},format=${format},${common}` };
    }
    case 'primary':
      return {
        id: exportName,
        drive: `${common},id=${exportName},driver=quorum,children.0.file.filename=${target},children.0.driver=${format},read-pattern=fifo,vote-threshold=1`,
      };
    case 'secondary':
      return {
        id: 'top-colo',
        drive: `${common},id=top-colo,driver=replication,mode=secondary,top-id=top-colo,file.driver=qcow2,file.file.filename=${cstr(disk, 'active_disk')},file.backing.driver=qcow2,file.backing.file.filename=${cstr(disk, 'hidden_disk')},file.backing.backing=${exportName}`,
      };
  }
}

function ideDrive(disk: Disk, target: string, unit: number, format: string, colo: ColoMode): string {
  const exportName = cstr(disk, 'colo_export');
  switch (colo) {
    case 'none':
      return `file=${target},if=ide,index=${unit},media=disk,format=${format},cache=writeback`;
    case 'primary':
      return `if=ide,index=${unit},media=disk,cache=writeback,driver=quorum,id=${exportName},children.0.file.filename=${target},children.0.driver=${format},read-pattern=fifo,vote-threshold=1`;
    case 'secondary':
      return `if=ide,index=${unit},id=top-colo,media=disk,cache=writeback,driver=replication,mode=secondary,top-id=top-colo,file.driver=qcow2,file.file.filename=${cstr(disk, 'active_disk')},file.backing.driver=qcow2,file.backing.file.filename=${cstr(disk, 'hidden_disk')},file.backing.backing=${exportName}`;
  }
}
