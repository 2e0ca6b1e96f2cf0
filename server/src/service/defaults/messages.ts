// What libxl logs while defaulting a domain config: refusals (which stop domain creation) and
// warnings/notes, with libxl's own wording so that diagnostics can quote it.

export type LibxlLevel = 'error' | 'warning' | 'info';

export interface LibxlMessage {
  /** libxl's log level: ERROR stops creation, WARN and INFO are printed and creation goes on. */
  level: LibxlLevel;
  /** The libxl function that logs it, e.g. `libxl__domain_build_info_setdefault`. */
  function: string;
  /**
   * The message exactly as libxl prints it after `function: ` (without the `Domain N:` prefix);
   * a few passthrough messages end in their own newline, as in libxl.
   */
  text: string;
  /** The xl.cfg keys the message is about, most relevant first (for diagnostics' ranges). */
  keys: string[];
  /**
   * True for libxl's follow-up lines that only restate a failure already reported (e.g.
   * `Unable to set domain build info defaults`): useful in a log view, noise as a diagnostic.
   */
  secondary?: boolean;
  /** True when the message is not libxl's but ours (libxl would abort() or behave unpredictably). */
  ours?: boolean;
  /**
   * Our words for why libxl failed, when libxl's own line does not say it (libxl fails silently
   * on an unknown backend domain and only prints the caller's "Unable to set ... defaults").
   */
  explanation?: string;
}

/** The line as xl prints it on stderr, minus the `libxl: error: file.c:LINE:` prefix. */
export function libxlLogText(m: LibxlMessage): string {
  return `${m.function}: ${m.text}`;
}

export class MessageLog {
  readonly messages: LibxlMessage[] = [];

  error(fn: string, text: string, keys: string[] = [], explanation?: string): void {
    this.messages.push({ level: 'error', function: fn, text, keys, ...(explanation ? { explanation } : {}) });
  }

  warn(fn: string, text: string, keys: string[] = []): void {
    this.messages.push({ level: 'warning', function: fn, text, keys });
  }

  info(fn: string, text: string, keys: string[] = []): void {
    this.messages.push({ level: 'info', function: fn, text, keys });
  }

  secondary(fn: string, text: string): void {
    this.messages.push({ level: 'error', function: fn, text, keys: [], secondary: true });
  }

  /**
   * A caller's follow-up line ("Unable to set nic defaults for nic 0"): secondary after a libxl
   * error, but the only line libxl prints after a silent failure, then carrying our explanation.
   */
  followUp(fn: string, text: string, keys: string[], silentFailure: string | undefined): void {
    if (silentFailure) this.error(fn, text, keys, silentFailure);
    else this.secondary(fn, text);
  }

  ours(fn: string, text: string, keys: string[]): void {
    this.messages.push({ level: 'error', function: fn, text, keys, ours: true });
  }
}
