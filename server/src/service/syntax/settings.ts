// The libxlutil view of a parsed file: the settings xl's lookups see. Mirrors the XLU_ConfigSetting
// list of tools/libs/util/libxlu_cfg.c (Xen 4.13 to 4.22), plus byte offsets for the editor.

/** A string atom (STRING or NUMBER token): numbers stay as their source text. */
export interface StringValue {
  readonly type: 'string';
  /** libxlutil's line of the atom (1-based). */
  readonly line: number;
  /** Decoded text (escapes applied); bytes >= 0x80 decoded as UTF-8 where valid, else U+00XX. */
  readonly value: string;
  /** Byte offsets of the token in the source, quotes included. */
  readonly start: number;
  readonly end: number;
}

export interface ListValue {
  readonly type: 'list';
  readonly line: number;
  readonly items: readonly Value[];
  /** From `[` to `]` inclusive. */
  readonly start: number;
  readonly end: number;
}

export type Value = StringValue | ListValue;

export type AssignOp = '=' | '+=';

export interface Setting {
  readonly name: string;
  readonly op: AssignOp;
  /** libxlutil's line for the setting: the line of the value's first token. */
  readonly line: number;
  /**
   * The value libxlutil stored. After `+=` it already holds the concatenation, and the earlier
   * setting of a list `+=` is left empty, exactly as libxlutil leaves it.
   */
  readonly value: Value;
  /** The value as written on this line (before any `+=` concatenation). */
  readonly written: Value;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly opStart: number;
  /** End of the whole statement (end of the value). */
  readonly end: number;
}
