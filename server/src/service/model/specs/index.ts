// Device spec mini-languages xl reads (Xen 4.17): disk, vif, pci, vfb, channel, usb, vtpm, p9, ...
// Each parser takes one list element and returns the libxl device JSON as `xl -N create` prints it,
// plus xl's messages with ranges inside the spec string.
export * from './types';
export { parseDiskSpec } from './disk';
export { parseNicSpec, parseVifRate } from './nic';
export { parsePciSpec, type PciDefaults } from './pci';
export { parseVfbSpec } from './vfb';
export { parseChannelSpec } from './channel';
export { parseUsbctrlSpec, parseUsbdevSpec } from './usb';
export { parseVtpmSpec, parseP9Spec, parsePvcallsSpec, type P9Carry } from './backends';
export { parseVkbSpec } from './vkb';
export { parseVdisplSpec } from './vdispl';
export { parseRdmSpec } from './rdm';
export { parseVsndCard } from './vsnd';
export { diskSpecParts, keyValueParts, type SpecPart } from './parts';
