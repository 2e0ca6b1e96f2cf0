// The language service's facade: one analysis per document version. Each stage mirrors a stage of
// the real toolstack and is computed on first use, so a feature pays only for what it reads:
//   bytes -> parse (libxlutil) -> settings -> xl's domain config (xl_parse.c)
//         -> libxl's defaults (libxl_create.c) -> device-model argv (libxl_dm.c)
// plus the findings of all of them and of our own checks.
import type { AnalysisOptions, HostProfile } from './options';
import { DEFAULT_OPTIONS } from './options';
import type { Finding } from './finding';
import { parse } from './syntax/parser';
import type { ParsedConfig } from './syntax/parsed-config';
import type { Setting } from './syntax/settings';
import { EffectiveView } from './syntax/effective-view';
import { LineIndex } from './text/line-index';
import { buildDomainConfig, type XlModelResult } from './model';
import { applyLibxlDefaults, type DefaultsResult } from './defaults';
import { buildDeviceModelArgv, deviceModelFromConfig, type DeviceModelResult } from './devicemodel';
import { hostModel, type HostModel } from './host';
import { parseFindings } from './checks/parse-findings';
import { runChecks } from './checks';
import { recoveredFindings, laterParseErrors, capSeverity } from './checks/recovered';
import { recover, type Recovery } from './syntax/recovery';
import { readDirectives, applyDirectives, type Directives } from './directives';
import { versionNumber } from './options';
import { readXlConf, type XlConfReading, type XlGlobals } from './model/xl-conf';

export interface AnalyzeRequest {
  readonly bytes: Uint8Array;
  readonly options?: Partial<AnalysisOptions>;
  /** The `local` host model (reads this machine); the pure library cannot build it itself. */
  readonly localHost?: HostModel;
  /** Bytes at the start the editor does not show (a BOM that VS Code stripped). */
  readonly hiddenPrefix?: number;
  /**
   * Above this size only the syntax is checked (the editor stays responsive on a 50 MB file; real
   * guest configs are a few KB). Default: no limit.
   */
  readonly semanticLimitBytes?: number;
  /** Severity overrides by finding code ('off' drops the finding). */
  readonly severities?: Readonly<Record<string, Finding['severity'] | 'off'>>;
  /**
   * What the document is: a guest config (the default) or xl's own global config, `xl.conf`, which
   * has keys of its own and builds no guest.
   */
  readonly kind?: DocumentKind;
  /** For a guest config: the defaults of the xl.conf xl would read (readXlConf); none = an empty xl.conf. */
  readonly xlConf?: XlGlobals;
}

export type DocumentKind = 'guest' | 'xl.conf';

export class Analysis {
  readonly bytes: Uint8Array;
  /** Options after the file's own `# xlcfg: xen=4.20` directive. */
  readonly options: AnalysisOptions;
  readonly host: HostModel;
  readonly parsed: ParsedConfig;
  readonly directives: Directives;
  private cache: { lines?: LineIndex; findings?: Finding[]; effective?: ReadonlyMap<string, Setting>; recovered?: Recovered | null; xlConf?: XlConfReading | null } = {};
  /** The stages after the parse, each computed once: its result, or what it threw (thrown again, not re-run). */
  private readonly stages = new Map<'xl' | 'libxl' | 'dm', { readonly value: unknown } | { readonly error: unknown }>();

  constructor(readonly request: AnalyzeRequest) {
    this.bytes = request.bytes;
    const base: AnalysisOptions = { ...DEFAULT_OPTIONS, ...request.options };
    this.directives = readDirectives(this.bytes);
    this.options = this.directives.xenVersion ? { ...base, xenVersion: this.directives.xenVersion } : base;
    this.host = hostModel(this.options.host as HostProfile, request.localHost);
    this.parsed = parse(this.bytes, { addAssign: this.addAssign });
  }

  private get addAssign(): boolean { return versionNumber(this.options.xenVersion) >= versionNumber('4.13'); }

  /**
   * For a file libxlutil refuses: the analysis of the text with its syntax errors repaired
   * (syntax/recovery.ts), and how to map its positions back; null when the file parses, is too
   * large, or no repair parses.
   */
  get recovered(): Recovered | null {
    if (this.cache.recovered === undefined) {
      const r = this.parsed.accepted || !this.semantic || this.parsed.errors.some((e) => e.kind === 'abort') ? null : recover(this.bytes, { addAssign: this.addAssign });
      this.cache.recovered = r ? {
        recovery: r,
        // The file's own options (not its directive, which the repaired text reads again); severity
        // overrides are applied once, on this analysis's findings.
        analysis: new Analysis({ ...this.request, bytes: r.bytes, hiddenPrefix: 0, severities: {} }),
      } : null;
    }
    return this.cache.recovered;
  }

  get lines(): LineIndex {
    return (this.cache.lines ??= new LineIndex(this.bytes, this.request.hiddenPrefix ?? 0));
  }

  /** What libxlutil stored, in order. */
  get settings(): readonly Setting[] { return this.parsed.settings; }

  /** name -> the setting xl reads (the last stored one). */
  get effective(): ReadonlyMap<string, Setting> { return (this.cache.effective ??= new EffectiveView(this.parsed)); }

  /** xl's reading of the settings (`xl -N create`); null when the file does not parse. */
  /** False when the file is too large for more than the syntax check (see semanticLimitBytes). */
  get semantic(): boolean {
    return this.bytes.length <= (this.request.semanticLimitBytes ?? Infinity);
  }

  /** True for xl's global config (xl.conf): no guest, keys of its own. */
  get isXlConf(): boolean { return this.request.kind === 'xl.conf'; }

  /** For an xl.conf: what xl takes from it; null for a guest config or a file that does not parse. */
  get xlConf(): XlConfReading | null {
    if (this.cache.xlConf === undefined) {
      this.cache.xlConf = this.isXlConf && this.parsed.accepted && this.semantic ? readXlConf(this.parsed.settings, this.options.xenVersion, this.options.sourceName) : null;
    }
    return this.cache.xlConf;
  }

  get xl(): XlModelResult | null { return this.stage('xl', () => this.computeXl()); }

  /** libxl's defaults applied to xl's config; null when xl refuses the file. */
  get libxl(): DefaultsResult | null { return this.stage('libxl', () => this.computeLibxl()); }

  /** The device model libxl would start (or its refusal); null when xl refuses the file. */
  get deviceModel(): DeviceModelResult | null { return this.stage('dm', () => this.computeDeviceModel()); }

  /**
   * A stage's result, computed on first use. A stage that throws (a bug of ours) is not run again by
   * every check that reads it: its error is kept and thrown again (each check then reports it).
   */
  private stage<T>(name: 'xl' | 'libxl' | 'dm', compute: () => T): T {
    let memo = this.stages.get(name);
    if (!memo) {
      try { memo = { value: compute() }; } catch (error) { memo = { error }; }
      this.stages.set(name, memo);
    }
    if ('error' in memo) throw memo.error;
    return memo.value as T;
  }

  protected computeXl(): XlModelResult | null {
    const p = this.host.physinfo;
    const hostInfo = p === 'unknown' ? undefined : { nrCpus: p.nrCpus, nrNodes: p.nrNodes };
    return this.parsed.accepted && this.semantic && !this.isXlConf ? buildDomainConfig(this.parsed, this.options, hostInfo, this.request.xlConf) : null;
  }

  protected computeLibxl(): DefaultsResult | null {
    const cfg = this.xl?.config;
    return cfg ? applyLibxlDefaults(cfg, { options: this.options, host: this.host }) : null;
  }

  protected computeDeviceModel(): DeviceModelResult | null {
    const d = this.libxl;
    if (!d) return null;
    if (!d.resolved) {
      // The same error outcome the devicemodel stage gives for a refusal of the defaults.
      return deviceModelFromConfig(this.xl!.config!, { options: this.options, host: this.host });
    }
    return buildDeviceModelArgv(d.resolved, { options: this.options, host: this.host, domid: 1, generated: d.generated });
  }

  /** Every diagnostic: parse errors, xl's and libxl's verdicts, our checks; directives applied. */
  get findings(): readonly Finding[] {
    if (!this.cache.findings) {
      const rec = this.parsed.accepted ? null : this.recovered;
      const parseErrors = parseFindings(this);
      // A fresh array of the checks' findings (the xl.conf reading keeps its own).
      const checks = this.parsed.accepted && this.semantic ? (this.isXlConf ? [...this.xlConf?.findings ?? []] : runChecks(this)) : [];
      // Joined with concat, and only when there is something to join: the checks may return 100k
      // findings, which a spread walks one by one and each copy allocates again.
      const all = parseErrors.length || rec ? parseErrors.concat(rec ? laterParseErrors(parseErrors, rec.recovery) : [],
        checks, rec ? recoveredFindings(rec.analysis.findings, rec.recovery) : []) : checks;
      if (!this.semantic) {
        all.push({ code: 'large-file', severity: 'information', start: 0, end: 0,
          message: `This file is ${(this.bytes.length / 1048576).toFixed(1)} MB: xlcfg checks only its syntax above ${((this.request.semanticLimitBytes ?? 0) / 1048576).toFixed(0)} MB (guest configs are normally a few KB).` });
      }
      const applied = applyDirectives(all, this.directives, this.request.severities ?? {}, () => this.lines);
      // A severity override never makes a finding of the repaired text an error.
      this.cache.findings = rec ? applied.map((f) => (f.data?.recovered !== undefined && f.severity === 'error' ? { ...f, severity: capSeverity(f.severity) } : f)) : applied;
    }
    return this.cache.findings;
  }
}

/** The analysis of a refused file's repaired text (see Analysis.recovered). */
export interface Recovered {
  readonly recovery: Recovery;
  readonly analysis: Analysis;
}

export function analyze(request: AnalyzeRequest): Analysis {
  return new Analysis(request);
}
