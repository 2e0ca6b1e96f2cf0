// The device-model (qemu) command line, mirroring tools/libs/light/libxl_dm.c: the builder, the
// preview text, and the pieces checks may want (version rules, disk names, shell quoting).
export { buildDeviceModelArgv, deviceModelBinary, QMP_FD_PLACEHOLDER } from './build';
export { formatPreview, shellQuote, shellQuoteWord } from './preview';
export { deviceModelRules, type DeviceModelRules } from './versions';
export { diskNumber, qemuDiskFormat } from './disk-names';
export { xenpvQemuReason as pvQemuReason } from '../defaults';
export * from './types';
export { deviceModelFromConfig, type FromConfigContext } from './from-config';
export { deviceModelSummary, type DeviceModelSummary } from './facts';
