// Mirrors the flex scanner of tools/libs/util/libxlu_cfg_l.l (Xen 4.13 to 4.22), byte for byte:
// longest match, earlier rule on ties, the `lexerr` start condition that swallows the rest of a
// blank-free run after an illegal byte, yylineno counting only LF, and yylloc left untouched at EOF.
import { T } from './grammar';

/** Receives lexical errors as the scanner finds them (libxlutil's xlu__cfgl_lexicalerror). */
export interface LexErrorSink {
  /**
   * @param textStart,textEnd yytext: the illegal byte and what the lexerr state swallowed with it
   * @param line yylineno when the error is raised (already past a swallowed LF)
   */
  lexicalError(textStart: number, textEnd: number, line: number): void;
}

const enum C { LF = 10, TAB = 9, SPACE = 32 }

// Byte classes: which rule a byte can start, and which bytes continue IDENT / NUMBER.
const IDENT_CONT = new Uint8Array(256);
const NUMBER_CONT = new Uint8Array(256);
/** Bytes a string scan must stop at: both quotes, LF, backslash, NUL. */
const STRING_STOP = new Uint8Array(256);
for (const c of [0x22, 0x27, 0x0a, 0x5c, 0x00]) STRING_STOP[c] = 1;
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  IDENT_CONT[c] = /[._0-9a-z]/.test(ch) ? 1 : 0;
  NUMBER_CONT[c] = /[0-9a-fx]/.test(ch) ? 1 : 0;
}

export class Lexer {
  /** Current scan position. */
  pos = 0;
  /** flex's yylineno: 1 + the number of LFs consumed. */
  lineno = 1;
  /** yylloc.first_line of the last token returned (Bison starts it at 1; EOF leaves it alone). */
  tokLine = 1;
  tokStart = 0;
  tokEnd = 0;
  /** yytext of the last token (for messages). At EOF: the pending text swallowed before it. */
  textStart = 0;
  textEnd = 0;
  atEof = false;
  /** For the last STRING: bit 1 it holds a backslash, bit 2 a NUL byte. */
  stringFlags = 0;
  /** The `[+-.():]` rule fired (libxlutil's likely_python). */
  likelyPython = false;
  /** Before Xen 4.13 there is no `+=`: the `+` is an illegal byte. */
  noAddAssign = false;
  // Memos that keep rescans linear: the first LF after some earlier point, where LFs run out, and
  // where the last failed string scan per quote kind ended (a later quote before that point fails too).
  private knownLf = -1;
  private noLfFrom = Number.MAX_SAFE_INTEGER;
  private failedQuoteEnd = [-1, -1];
  private src: Uint8Array;
  private sink: LexErrorSink;

  constructor(src: Uint8Array, sink: LexErrorSink) { this.src = src; this.sink = sink; }

  /** Starts over on new input (one lexer serves every parse: its optimised code stays valid). */
  reset(src: Uint8Array, sink: LexErrorSink): this {
    this.src = src; this.sink = sink;
    this.pos = 0; this.lineno = 1; this.tokLine = 1; this.tokStart = this.tokEnd = 0;
    this.textStart = this.textEnd = 0; this.atEof = false; this.likelyPython = false; this.noAddAssign = false;
    this.stringFlags = 0; this.knownLf = -1; this.noLfFrom = Number.MAX_SAFE_INTEGER;
    this.failedQuoteEnd[0] = -1; this.failedQuoteEnd[1] = -1;
    return this;
  }

  /** Returns the next token kind; its span is [tokStart, tokEnd). */
  next(): number {
    const src = this.src, len = src.length;
    for (;;) {
      let p = this.pos;
      if (p >= len) return this.eof(p, p);
      const c = src[p]!;
      // Identifiers and numbers.
      if (c >= 0x61 && c <= 0x7a) {
        p++;
        while (p < len && IDENT_CONT[src[p]!]) p++;
        return this.token(T.Ident, p);
      }
      if (c >= 0x30 && c <= 0x39) {
        p++;
        while (p < len && NUMBER_CONT[src[p]!]) p++;
        return this.token(T.Number, p);
      }
      switch (c) {
        case C.SPACE: case C.TAB: this.pos = p + 1; continue;
        case 0x2c: return this.token(T.Comma, p + 1);
        case 0x5b: return this.token(T.LBracket, p + 1);
        case 0x5d: return this.token(T.RBracket, p + 1);
        case 0x3d: return this.token(T.Assign, p + 1);
        case 0x3b: return this.token(T.Semicolon, p + 1);
        case C.LF: return this.newline(p + 1);
        case 0x2b: // '+': "+=" or a Python-looking illegal byte
          if (p + 1 < len && src[p + 1] === 0x3d && !this.noAddAssign) return this.token(T.AddAssign, p + 2);
          this.likelyPython = true;
          break;
        case 0x23: { // '#': a comment is part of a NEWLINE token and needs its LF
          const nl = this.nextLf(p + 1);
          if (nl >= 0) return this.newline(nl + 1);
          break;
        }
        case 0x22: case 0x27: { // quoted string: no LF inside, backslash escapes any non-LF byte
          const kind = c === 0x22 ? 0 : 1;
          if (p < this.failedQuoteEnd[kind]!) break; // a scan from an earlier quote already failed here
          let q = p + 1, flags = 0;
          while (q < len) {
            while (q < len && !STRING_STOP[src[q]!]) q++;
            if (q >= len) break;
            const d = src[q]!;
            if (d === c) { this.stringFlags = flags; return this.token(T.String, q + 1); }
            if (d === C.LF) break;
            if (d === 0x5c) {
              if (q + 1 >= len || src[q + 1] === C.LF) break;
              flags |= 1;
              if (src[q + 1] === 0) flags |= 2;
              q += 2;
            } else {
              if (d === 0) flags |= 2;
              q++; // the other quote character, or NUL
            }
          }
          this.failedQuoteEnd[kind] = q;
          break; // unterminated: the quote itself is an illegal byte
        }
        case 0x2d: case 0x2e: case 0x28: case 0x29: case 0x3a: // - . ( ) :
          this.likelyPython = true;
          break;
        default:
          break;
      }
      // Illegal byte: enter `lexerr`, keep it in yytext (yymore) and swallow the rest of the run.
      const errStart = p;
      p++;
      if (p >= len) return this.eof(errStart, p); // flex ends quietly: nothing is reported
      const d = src[p]!;
      if (d === C.LF) {
        p++;
        this.lineno++;
        this.pos = p;
        this.sink.lexicalError(errStart, p, this.lineno);
        // GOT(NEWLINE): here yylloc is yylineno *after* the LF, unlike the plain newline rule.
        this.tokStart = p - 1; this.tokEnd = p; this.textStart = errStart; this.textEnd = p;
        this.tokLine = this.lineno;
        return T.Newline;
      }
      if (d === C.SPACE || d === C.TAB) p++;
      else while (p < len) { const e = src[p]!; if (e === C.SPACE || e === C.TAB || e === C.LF) break; p++; }
      this.pos = p;
      this.textStart = errStart; this.textEnd = p;
      this.sink.lexicalError(errStart, p, this.lineno);
    }
  }

  /** The first LF at or after `from` (-1 if none), without rescanning what is already known. */
  private nextLf(from: number): number {
    if (this.knownLf >= from) return this.knownLf;
    if (from >= this.noLfFrom) return -1;
    const nl = this.src.indexOf(C.LF, from);
    if (nl < 0) this.noLfFrom = from; else this.knownLf = nl;
    return nl;
  }

  private token(kind: number, end: number): number {
    this.tokStart = this.textStart = this.pos;
    this.tokEnd = this.textEnd = this.pos = end;
    this.tokLine = this.lineno;
    return kind;
  }

  private newline(end: number): number {
    this.tokStart = this.textStart = this.pos;
    this.tokEnd = this.textEnd = this.pos = end;
    this.tokLine = this.lineno; // the line the LF ends (yylineno - 1 after counting it)
    this.lineno++;
    return T.Newline;
  }

  private eof(pendingStart: number, end: number): number {
    this.pos = end;
    this.tokStart = this.tokEnd = end;
    this.textStart = pendingStart; this.textEnd = end;
    this.atEof = true;
    return T.End;
  }
}
