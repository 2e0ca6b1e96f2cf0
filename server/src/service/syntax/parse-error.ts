// A parse error as libxlutil reports it (xlu__cfg_yyerror), plus where it really is for the editor.
import type { EscapeKind } from './escapes';

export type ParseErrorKind =
  | 'lexical'     // illegal byte or token
  | 'syntax'      // Bison's "syntax error, unexpected X, expecting Y"
  | 'escape'      // bad backslash escape in a quoted string
  | 'concat'      // `+=` of a list onto a string or the reverse
  | 'exhausted'   // Bison's stack limit: lists nested too deep
  | 'abort';      // libxlutil aborts on an assertion (a NUL byte inside a quoted string)

/** What the parser knew at the error, as data (so no later stage reads xl's message back). */
export interface ParseErrorDetail {
  /** Syntax errors: the lookahead token as Bison names it (`IDENT`, `$end`, `'['`, ...). */
  readonly unexpected?: string;
  /** Syntax errors: the tokens Bison lists after "expecting", in its order (empty when it lists none). */
  readonly expecting?: readonly string[];
  /** Escape errors: which escape rule failed. */
  readonly escape?: EscapeKind;
}

export interface ParseError extends ParseErrorDetail {
  readonly kind: ParseErrorKind;
  /** xl's text after the "near ...:" part, e.g. `lexical error`. */
  readonly message: string;
  /** The line xl prints (one early for errors at a newline, as libxlutil does). */
  readonly line: number;
  /** The "near" part exactly as xl prints it: `` `TEXT' ``, `<newline>`, or `` `' `` at the end of the file. */
  readonly near: string;
  /** Byte span of the real offending spot, for the editor. */
  readonly start: number;
  readonly end: number;
  /** xl does not print this one now; it would once the errors before it are fixed. */
  readonly hidden: boolean;
}

/** xl's first Python warning, without its `warning: ` prefix. */
export const PYTHON_WARNING_TEXT = 'Config file looks like it contains Python code.';

export const PYTHON_WARNING: readonly string[] = [
  `warning: ${PYTHON_WARNING_TEXT}`,
  'warning:  Arbitrary Python is no longer supported.',
  'warning:  See https://wiki.xen.org/wiki/PythonInXlConfig',
];

/** xl's line for an error without its `SRC:LINE: ` prefix: `config parsing error near ...: MSG`. */
export function parseErrorText(e: ParseError): string {
  if (e.kind === 'abort') return e.message;
  return `config parsing error near ${e.near}: ${e.message}`;
}

/** The line xl prints for an error: `SRC:LINE: config parsing error near ...: MSG`. */
export function formatParseError(e: ParseError, sourceName: string): string {
  if (e.kind === 'abort') return e.message;
  return `${sourceName}:${e.line}: config parsing error near ${e.near}: ${e.message}`;
}
