// What xl_parse.c's parse_config_data (Xen 4.17) keeps while it reads a config: the
// libxl_domain_config being filled (as its JSON), plus the few locals later steps depend on.
import type { AnalysisOptions } from '../options';
import type { Value } from '../syntax/settings';
import type { SettingSource } from './accessors';
import { ConfigReader, valueSpan } from './accessors';
import type { Json } from './libxl-json';
import { MEMKB_DEFAULT } from './libxl-json';
import { NO_SPAN, XlExit, XlReport, type Diagnose } from './xl-report';
import { xlReleaseFacts, type XlReleaseFacts } from './release-facts';
import { splitStringList } from './xl-strings';
import type { ByteSpan } from '../finding';
import type { XlGlobals } from './xl-conf';

/** libxl_domain_type as its JSON names it (the catalogue's, the one guest type of the service). */
import type { GuestType } from '../catalogue/types';
export type { GuestType };

/** Host facts xl asks libxl for; the oracle's stub reports 8 CPUs on 1 NUMA node. */
export interface HostInfo {
  readonly nrCpus: number;
  readonly nrNodes: number;
}
export const REFERENCE_HOST: HostInfo = { nrCpus: 8, nrNodes: 1 };

export class ParseState {
  readonly report = new XlReport();
  readonly cfg: ConfigReader;
  readonly src: string;
  /** libxl_domain_config as JSON. */
  readonly d: Json = {};
  readonly c: Json = {};
  readonly b: Json = {};
  /** b_info.u.<type> (the "type.hvm" / "type.pv" / "type.pvh" object). */
  u: Json = {};
  type: GuestType = 'pv';
  /** Kept typed because later steps compare them; written to `b` by finish(). */
  maxVcpus = 0;
  maxMemkb: bigint = MEMKB_DEFAULT;
  targetMemkb: bigint = MEMKB_DEFAULT;
  /** The `vcpus` local. */
  vcpus = 0;
  /** A crash xl meets after parsing (e.g. freeing an affinity map it never filled). */
  pendingCrash: { name: string; item: Value | undefined } | null = null;
  /** u.hvm.rdm.policy, the per-PCI-device default. */
  /** As libxl prints it: a name, null for a value with no name (garbage), undefined for "invalid". */
  rdmPolicy: string | null | undefined = undefined;

  /** What differs in xl for the targeted release. */
  readonly release: XlReleaseFacts;

  /** xl.conf's vif.default.* values as nic fields; undefined when it sets none. */
  readonly nicDefaults?: { script?: string; bridge?: string; gatewaydev?: string; backend_domname?: string };

  constructor(settings: SettingSource, readonly options: AnalysisOptions, readonly host: HostInfo = REFERENCE_HOST,
    /** The defaults of xl's global config (/etc/xen/xl.conf); empty = xl's built-in ones. */
    readonly globals: XlGlobals = {}) {
    const g = globals;
    if (g.vifScript !== undefined || g.vifBridge !== undefined || g.vifGatewaydev !== undefined || g.vifBackend !== undefined) {
      this.nicDefaults = { script: g.vifScript, bridge: g.vifBridge, gatewaydev: g.vifGatewaydev, backend_domname: g.vifBackend };
    }
    this.src = options.sourceName;
    this.release = xlReleaseFacts(options.xenVersion);
    this.cfg = new ConfigReader(settings, this.src, this.report);
    this.d.c_info = this.c;
    this.d.b_info = this.b;
  }

  /** Span of the value of `name` (last assignment), or of nothing. */
  span(name: string): ByteSpan {
    const s = this.cfg.find(name);
    return s ? valueSpan(s) : NO_SPAN;
  }

  at(name: string, code = 'xl-rejects', data?: Record<string, unknown>): Diagnose {
    return { span: this.span(name), code, data: { key: name, ...(data ?? {}) } };
  }

  /** xl's fprintf(stderr, ...) + exit(status). */
  fail(name: string, text: string, status = 1, code = 'xl-rejects', related: readonly string[] = []): never {
    const rel = related
      .filter((k) => this.cfg.find(k))
      .map((k) => ({ ...this.span(k), message: `\`${k}' is set here` }));
    return this.report.fail(text, { ...this.at(name, code), related: rel }, status);
  }

  /** Like fail(), but on one element of `name`'s list when known. */
  failItem(name: string, item: Value | undefined, text: string, status = 1, code = 'xl-rejects'): never {
    const d = this.at(name, code);
    return this.report.fail(text, item ? { ...d, span: { start: item.start, end: item.end } } : d, status);
  }

  /**
   * xl dies with SIGSEGV here (the reason says why, in our words). `undefinedOutcome`: xl reads
   * memory it never set, so it usually crashes but may also go on with garbage.
   */
  crash(name: string, reason: string, item?: Value, undefinedOutcome = false): never {
    const d = this.at(name, 'xl-crashes', undefinedOutcome ? { undefinedOutcome: true } : undefined);
    this.report.note(undefinedOutcome ? `xl's behaviour is undefined here (it usually crashes): ${reason}` : `xl crashes (segmentation fault): ${reason}`, {
      ...d, span: item ? { start: item.start, end: item.end } : d.span, severity: 'error',
    });
    throw new XlExit(-11);
  }

  /** Where xl dereferences the NULL that a nested list item reads as. */
  crashOnNestedItem(name: string, item: Value | undefined): never {
    return this.crash(name, `on this nested list: \`${name}' wants strings here`, item);
  }

  /**
   * split_string_into_string_list: a string with no word in it (empty, or only separators) makes
   * xl copy a NULL token, and it dies with SIGSEGV.
   */
  splitWords(name: string, text: string, delims: string, item?: Value): string[] {
    const words = splitStringList(text, delims);
    if (words.length === 0) this.crash(name, `\`${name}' holds no word to split, which xl does not expect`, item);
    return words;
  }

  /** An xl warning line about `name` (not a libxlutil lookup warning). */
  warn(name: string, text: string, code = 'xl-warning'): void {
    this.report.line(text, { ...this.at(name, code), severity: 'warning' });
  }

  /** Appends to a device array of the domain config. */
  push(key: string, dev: Json): Json {
    const arr = (this.d[key] as Json[] | undefined) ?? [];
    arr.push(dev);
    this.d[key] = arr;
    return dev;
  }

  count(key: string): number {
    return ((this.d[key] as Json[] | undefined) ?? []).length;
  }
}
