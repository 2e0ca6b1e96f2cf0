// Mirrors what tools/xl/xl_parse.c (Xen 4.17) writes to stderr while reading a config: libxlutil's
// lookup warnings, xl's own WARNING/ERROR lines, and the exit() that ends parsing. Each line also
// becomes a Finding on the span of the setting the user would change.
import type { ByteSpan, Finding, RelatedSpan, Severity } from '../finding';

/** The exit status the oracle reports for a process killed by SIGABRT (an abort or glibc's checks). */
export const XL_ABORTED = -6;

/** Thrown only inside the model to stop reading, as xl's exit() does; caught by buildDomainConfig. */
export class XlExit {
  constructor(readonly status: number) {}
}

export interface Diagnose {
  span: ByteSpan;
  code: string;
  severity?: Severity;
  data?: Record<string, unknown>;
  /** Other settings that take part (e.g. `type` when `builder` contradicts it). */
  related?: RelatedSpan[];
}

/** Editor tags for the warnings whose point is "this setting is deprecated / has no effect". */
const TAGS: Record<string, readonly ('unnecessary' | 'deprecated')[]> = {
  'xl-deprecated': ['deprecated'],
  'xl-conf-deprecated': ['deprecated'],
  'xl-ignored': ['unnecessary'],
  'xl-device-model-ignored': ['unnecessary'],
  'xl-kernel-hvmloader': ['unnecessary'],
  'xl-cmdline-overrides': ['unnecessary'],
};

export class XlReport {
  /** Raw stderr text after "Parsing config from X" (xl prints some lines without a newline). */
  private text = '';
  readonly findings: Finding[] = [];

  /** Prints text exactly as xl would (no newline added). */
  print(text: string): void {
    this.text += text;
  }

  /** Prints `text` + newline and records a finding whose message is `message ?? text`. */
  line(text: string, d: Diagnose, message?: string): void {
    this.print(text + '\n');
    this.note(message ?? text, d);
  }

  /** Records a finding without printing anything. */
  note(message: string, d: Diagnose): void {
    const severity = d.severity ?? 'warning';
    this.findings.push({
      start: d.span.start,
      end: d.span.end,
      code: d.code,
      severity,
      message,
      data: severity === 'error' ? { xlMessage: message, ...(d.data ?? {}) } : d.data,
      ...(d.related && d.related.length ? { related: d.related } : {}),
      ...(Object.hasOwn(TAGS, d.code) ? { tags: TAGS[d.code] } : {}),
    });
  }

  /**
   * Prints text that xl ends without a newline (libxlutil's RDM messages), so that whatever xl
   * prints next continues the same stderr line; the finding then says that whole line, as it reads.
   */
  partial(text: string, d: Diagnose): void {
    const from = this.text.length;
    this.print(text);
    this.note(text, d);
    this.glued.push({ finding: this.findings.length - 1, from });
  }

  private readonly glued: { finding: number; from: number }[] = [];

  /** Prints xl's refusal and stops reading (xl exits with `status`). */
  fail(text: string, d: Diagnose, status = 1): never {
    this.line(text, { ...d, severity: 'error', code: d.code }, text);
    throw new XlExit(status);
  }

  /** The stderr lines xl printed (a trailing partial line is kept as a line). */
  lines(): string[] {
    for (const g of this.glued.splice(0)) {
      const start = this.text.lastIndexOf('\n', g.from - 1) + 1;
      const nl = this.text.indexOf('\n', g.from);
      const f = this.findings[g.finding]!;
      this.findings[g.finding] = { ...f, message: this.text.slice(start, nl < 0 ? undefined : nl) };
    }
    if (this.text === '') return [];
    const parts = this.text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }
}

export const NO_SPAN: ByteSpan = { start: 0, end: 0 };
