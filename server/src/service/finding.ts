// A finding is what any stage of the pipeline has to say about the text: a parse error, an xl
// warning, a libxl refusal, a check of ours. Positions are byte offsets into the source (the
// pipeline works on bytes, as libxlutil does); features turn them into LSP ranges.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

export interface RelatedSpan extends ByteSpan {
  readonly message: string;
}

export interface Finding extends ByteSpan {
  /** Stable identifier, e.g. `parse-error`, `dm-restrict-traditional`, `unknown-key`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related?: readonly RelatedSpan[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  /** Structured payload that code actions read back (never re-derive what a check knew). */
  readonly data?: Readonly<Record<string, unknown>>;
}
