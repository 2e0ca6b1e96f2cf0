// Device spec mini-languages xl reads (Xen 4.17): disk, vif, pci, vfb, channel, usb, vtpm, p9, ...
export * from './types';
export { parseDiskSpec } from './disk';
export { parseNicSpec, parseVifRate } from './nic';
export { parsePciSpec, type PciDefaults } from './pci';
import { emptyResult, type SpecContext, type SpecResult, 
  type ChannelJson, type VfbPair, type UsbdevJson, type UsbctrlJson, type VtpmJson, type P9Json,
  type PvcallsJson, type VdisplJson, type VkbJson, type RdmJson } from './types';

export function parseChannelSpec(_spec: string, _ctx: SpecContext): SpecResult<ChannelJson> { return emptyResult(); }
export function parseVfbSpec(_spec: string, _ctx: SpecContext): SpecResult<VfbPair> { return emptyResult(); }
export function parseUsbdevSpec(_spec: string, _ctx: SpecContext): SpecResult<UsbdevJson> { return emptyResult(); }
export function parseUsbctrlSpec(_spec: string, _ctx: SpecContext): SpecResult<UsbctrlJson> { return emptyResult(); }
export function parseVtpmSpec(_spec: string, _ctx: SpecContext): SpecResult<VtpmJson> { return emptyResult(); }
export function parseP9Spec(_spec: string, _ctx: SpecContext): SpecResult<P9Json> { return emptyResult(); }
export function parsePvcallsSpec(_spec: string, _ctx: SpecContext): SpecResult<PvcallsJson> { return emptyResult(); }
export function parseVdisplSpec(_spec: string, _ctx: SpecContext): SpecResult<VdisplJson> { return emptyResult(); }
export function parseVkbSpec(_spec: string, _ctx: SpecContext): SpecResult<VkbJson> { return emptyResult(); }
export function parseRdmSpec(_spec: string, _ctx: SpecContext): SpecResult<RdmJson> { return emptyResult(); }
