// Where xl_parse.c (and the libxl lines xl prints while parsing) differ between the Xen releases
// xlcfg models. The model follows 4.17; each entry is one difference, as of the newest point release
// of each branch (backports included: 4.18.6 already has the 4.20 channel change).
import { versionNumber, type XenVersion } from '../options';

export interface XlReleaseFacts {
  /** ARRAY_EXTEND_INIT (devid = index) for channels; later releases leave devid unset. */
  readonly channelDevid: boolean;
  /** xl printed a debugging line `got a tsc mode string: "..."` for a string tsc_mode. */
  readonly printsTscModeString: boolean;
  /** The line of libxl_utils.c that libxl_cpu_bitmap_alloc's error names. */
  readonly cpuBitmapAllocLine: number;
  /** split_string_into_pair cuts at the first delimiter (strtok's runs of delimiters up to 4.17). */
  readonly pairAtFirstDelimiter: boolean;
}

export function xlReleaseFacts(version: XenVersion): XlReleaseFacts {
  const v = versionNumber(version);
  return {
    channelDevid: v <= 417,
    printsTscModeString: v <= 418,
    cpuBitmapAllocLine: v <= 417 ? 809 : v === 418 ? 810 : 812,
    pairAtFirstDelimiter: v >= 418,
  };
}
