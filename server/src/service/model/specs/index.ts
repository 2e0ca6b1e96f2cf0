// Device spec mini-languages xl reads (Xen 4.17): disk, vif, pci, vfb, channel, usb, vtpm, p9, ...
// Each parser takes one list element and returns the libxl device JSON as `xl -N create` prints it,
// plus xl's messages with ranges inside the spec string (offsets into the decoded JS string).
//
// How the model calls them (xl's own loops):
// - `ctx.index` is the element's position, which xl uses as devid; for vkb=[...] it is the vkb's
//   position among all vkbs (vfb=[...] made the first ones).
// - pci: pass the global pci_* / rdm defaults in `ctx.pciDefaults`; the device is then complete.
//   A failure's message is xl's whole stderr line (libxlutil's unterminated complaint included).
// - p9: share one `P9Carry` across the list (xl keeps the fields of earlier elements).
// - vsnd: `parseVsndCard(innerListStrings, ctx)`; an issue's `item` says which string it is in.
// - rdm: a null device that is not fatal means xl silently ignores the value.
// - `fatal` = xl exits. Codes ending in `-xl-crash` mean xl dies on a signal instead.
export * from './types';
export { parseDiskSpec } from './disk';
export { parseNicSpec, parseVifRate } from './nic';
export { parsePciSpec, type PciDefaults } from './pci';
export { parseVfbSpec } from './vfb';
export { parseChannelSpec } from './channel';
export { parseUsbctrlSpec, parseUsbdevSpec } from './usb';
export { parseVtpmSpec, parseP9Spec, parseP9SpecSince419, parsePvcallsSpec, type P9Carry } from './backends';
export { parseVkbSpec } from './vkb';
export { parseVdisplSpec } from './vdispl';
export { parseRdmSpec } from './rdm';
export { parseVsndCard } from './vsnd';
