// Shared shapes for the device spec mini-languages xl reads (Xen 4.17): what a parser returns and
// what it needs to know about the guest.
import type { AnalysisOptions } from '../../options';
import type { GuestType } from '../../catalogue/types';

/** A problem inside one spec string; offsets are relative to the string's decoded content. */
export interface SpecIssue {
  severity: 'error' | 'warning';
  /** The exact line xl prints (without a trailing newline). */
  message: string;
  start: number;
  end: number;
  /** Stable identifier, e.g. `disk-no-vdev`, `vif-bad-mac`. */
  code: string;
  /** vsnd only: which string of the card's inner list the range is in. */
  item?: number;
  /**
   * What xl does here is undefined (it reads memory it never set): the message is the usual
   * outcome, not a certain one.
   */
  undefinedOutcome?: boolean;
}

export interface SpecResult<T> {
  /** The libxl device as `xl -N create` prints it (defaults omitted), or null when xl produced none. */
  device: T | null;
  issues: SpecIssue[];
  /** True when xl exits on this spec (the whole config is refused). */
  fatal: boolean;
  /**
   * Set when xl crashes on this spec instead of exiting: why, in our words, and where. What xl
   * prints then is not its own message (glibc's, or nothing), so nothing is printed for it.
   */
  crash?: { reason: string; start: number; end: number };
}

export type { GuestType };

export interface SpecContext {
  /** The guest type xl settled on (c_info.type). */
  guestType: GuestType;
  /** Position of the spec in its list (xl's devid for most device kinds). */
  index: number;
  options: AnalysisOptions;
  /** File name xl prints in its messages; defaults to options.sourceName. */
  sourceName?: string;
  /** c_info.name: p9 (4.19+) derives a default path from it. */
  guestName?: string;
  /** pci only: the global pci_msitranslate/pci_power_mgmt/pci_permissive/pci_seize and rdm policy. */
  pciDefaults?: import('./pci').PciDefaults;
  /** vif only: xl.conf's vif.default.* values (set_default_nic_values, before the spec is read). */
  nicDefaults?: { script?: string; bridge?: string; gatewaydev?: string; backend_domname?: string };
}

/** libxl device JSON: the keys libxl's generated to-JSON code prints for non-default fields. */
export type DeviceJson = Record<string, unknown>;
export type DiskJson = DeviceJson;
export type NicJson = DeviceJson;
export type PciJson = DeviceJson;
export type ChannelJson = DeviceJson;
export type UsbdevJson = DeviceJson;
export type UsbctrlJson = DeviceJson;
export type VtpmJson = DeviceJson;
export type P9Json = DeviceJson;
export type PvcallsJson = DeviceJson;
export type VdisplJson = DeviceJson;
export type VkbJson = DeviceJson;
/** A `vfb` spec makes both a vfb and a vkb device. */
export interface VfbPair { vfb: DeviceJson; vkb: DeviceJson }
export type VsndJson = DeviceJson;
/** `rdm=` fills b_info.rdm. */
export type RdmJson = DeviceJson;

export function sourceOf(ctx: SpecContext): string {
  return ctx.sourceName ?? ctx.options.sourceName;
}

