// What a check may read of a document's analysis: the outputs of the stages before it, nothing of
// the facade itself. `Analysis` (analyze.ts) provides it; tests may provide it without one.
import type { AnalysisOptions } from '../options';
import type { ParsedConfig } from '../syntax/parsed-config';
import type { Setting } from '../syntax/settings';
import type { XlModelResult } from '../model';
import type { DefaultsResult } from '../defaults';
import type { DeviceModelResult } from '../devicemodel';
import type { HostModel } from '../host/host-model';

export interface CheckContext {
  readonly bytes: Uint8Array;
  /** Options after the file's own directives. */
  readonly options: AnalysisOptions;
  readonly parsed: ParsedConfig;
  /** What libxlutil stored, in order. */
  readonly settings: readonly Setting[];
  /** name -> the setting xl reads. */
  readonly effective: ReadonlyMap<string, Setting>;
  /** xl's domain config and findings; null when the file does not parse. */
  readonly xl: XlModelResult | null;
  /** libxl's defaults; null when xl refuses the file. */
  readonly libxl: DefaultsResult | null;
  /** The device model libxl would start, or its refusal; null when xl refuses the file. */
  readonly deviceModel: DeviceModelResult | null;
  /** The dom0 model (e.g. which QEMU it runs); absent in tests that do not need it. */
  readonly host?: HostModel;
}
