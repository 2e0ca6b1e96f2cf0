// Mirrors libxlutil's parse (tools/libs/util/libxlu_cfg.c + the Bison parser of libxlu_cfg_y.y, Xen
// 4.13 to 4.22): a table-driven LALR(1) loop that behaves like Bison's yacc.c skeleton (when it reads
// a lookahead, default reductions, verbose messages, `error NEWLINE` recovery, the 10,000-entry stack),
// calling the flex-equivalent lexer at exactly the moments Bison would. It never recurses, and keeps
// its results in flat typed arrays (see parsed-config.ts); strings are decoded only when asked for.
import { T, R, TERMINAL_COUNT, TERMINAL_NAMES, SYMBOL_COUNT } from './grammar';
import { buildTables } from './lalr';
import { Lexer, LexErrorSink } from './lexer';
import { checkEscapes, EscapeError } from './escapes';
import { ParseError, ParseErrorKind, type ParseErrorDetail } from './parse-error';
import { ParsedConfig, NodeKind, Growable } from './parsed-config';
import { NewestSettingIndex } from './newest-setting';
import { statementPath, listItemPath } from './statement-path';

const TABLES = buildTables();
const { action, defaultReduction, needsNoLookahead, gotoTable, acceptState, ruleLength, ruleLhs } = TABLES;
const EMPTY = -2;
/** The walks of `IDENT =|+= atom NEWLINE|;` and of an empty statement, taken without the tables (statement-path.ts). */
const PATH = statementPath(TABLES);
/** State `stmts`, or -1: no state matches and every step goes through the tables. */
const PATH_STMTS = PATH ? PATH.stmts : -1;
/**
 * NEWLINE and `;`, the tokens that end a statement, by token kind (a load here is one operation that
 * sees them all; a second comparison first met at the end of a file threw optimised code away).
 */
const ENDS_STATEMENT = new Uint8Array(TERMINAL_COUNT);
ENDS_STATEMENT[T.Newline] = 1; ENDS_STATEMENT[T.Semicolon] = 1;
/** The walk of `, atom` in a list (statement-path.ts); its start state, or -1. */
const ITEM_PATH = listItemPath(TABLES);
const ITEM_PATH_VALUES = ITEM_PATH ? ITEM_PATH.values : -1;
/** Per state: the rule it reduces without reading a lookahead (-1: an error), or NEEDS_LOOKAHEAD. */
const NEEDS_LOOKAHEAD = -2;
const noLookaheadRule = Int32Array.from(defaultReduction, (r, s) => (needsNoLookahead[s] ? r : NEEDS_LOOKAHEAD));
/**
 * Per state and lookahead that do not shift: the rule to reduce (the action's own, else the state's
 * default; -1: a syntax error). One table for both: the explicit reductions happen mostly at the end
 * of a file, and optimised code that had never computed one was thrown away there, on every parse.
 */
const reduceRule = Int32Array.from(action, (a, i) => (a < 0 ? -a - 1 : defaultReduction[Math.floor(i / TERMINAL_COUNT)]!));
const INITIAL_DEPTH = 200;   // Bison's YYINITDEPTH
const MAX_DEPTH = 10000;     // Bison's YYMAXDEPTH

export interface ParseOptions {
  /** `+=` exists from Xen 4.13 on; before that `+` is an illegal byte. Default true. */
  readonly addAssign?: boolean;
}

/** Parses are synchronous and never nest: one lexer object serves them all. */
const EMPTY_SOURCE = new Uint8Array(0);
const NO_SINK = { lexicalError() {} };
const SHARED_LEXER = new Lexer(EMPTY_SOURCE, NO_SINK);
const EMPTY_CONFIG = new ParsedConfig(EMPTY_SOURCE);

/**
 * The parser's state and value stacks, kept between parses at their largest size. A shifted token's
 * value is its index, with its span and line beside it (the token columns are not kept while parsing).
 */
const SHARED_STACKS: { states: Int32Array; values: Int32Array; starts: Int32Array; ends: Int32Array; lines: Int32Array } = {
  states: new Int32Array(INITIAL_DEPTH), values: new Int32Array(INITIAL_DEPTH),
  starts: new Int32Array(INITIAL_DEPTH), ends: new Int32Array(INITIAL_DEPTH), lines: new Int32Array(INITIAL_DEPTH),
};
function growStacks(size: number): void {
  const s = SHARED_STACKS;
  s.states = grow(s.states, size); s.values = grow(s.values, size);
  s.starts = grow(s.starts, size); s.ends = grow(s.ends, size); s.lines = grow(s.lines, size);
}

const NUL_ABORT_MESSAGE = "xl: libxlu_cfg.c:607: xlu__cfgl_dequote: Assertion `len>=2 && src[0]==src[len-1]' failed.";

/**
 * One parse's driver. A single instance serves every parse (they are synchronous and never nest), reset
 * each time: optimised code that touched a per-parse driver object was thrown away ("weak objects"
 * deoptimisations) whenever a full GC collected an earlier one, so a run after a GC ran unoptimised.
 */
class ParseRun implements LexErrorSink {
  out: ParsedConfig = EMPTY_CONFIG;
  readonly lexer: Lexer = SHARED_LEXER;
  /** The setting each `+=` joins onto (its buffers serve every parse). */
  readonly newest = new NewestSettingIndex(EMPTY_SOURCE);
  src: Uint8Array = EMPTY_SOURCE;
  opts: ParseOptions = {};
  /** libxlutil's ctx->err: once set, nothing more is stored. */
  err = false;
  /** libxlutil's ctx->lexerrlineno. */
  lexErrLine = -1;
  aborted = false;
  /** The states where the statement and list item paths start (-1: every step through the tables). */
  pathStart = PATH_STMTS;
  itemPathStart = ITEM_PATH_VALUES;

  reset(src: Uint8Array, opts: ParseOptions, out: ParsedConfig, paths = true): this {
    this.src = src; this.opts = opts; this.out = out;
    this.pathStart = paths ? PATH_STMTS : -1; this.itemPathStart = paths ? ITEM_PATH_VALUES : -1;
    this.err = false; this.lexErrLine = -1; this.aborted = false;
    this.lexer.reset(src, this);
    this.newest.reset(src);
    if (opts.addAssign === false) this.lexer.noAddAssign = true;
    return this;
  }

  // ---- libxlutil's error reporting (xlu__cfg_yyerror / xlu__cfgl_lexicalerror) ----

  /** Reports at `locLine` with yytext [textStart, textEnd); returns false when libxlutil stays silent. */
  private yyerror(kind: ParseErrorKind, msg: string, locLine: number, textStart: number, textEnd: number,
                  atEof: boolean, spotStart: number, spotEnd: number, detail?: ParseErrorDetail): void {
    let line = locLine;
    const suppressed = line <= this.lexErrLine;
    if (suppressed && (kind === 'syntax' || kind === 'exhausted' || kind === 'concat')) return;
    let near: string;
    const src = this.src;
    if (atEof) {
      // flex leaves yytext on its end-of-buffer NUL (after any pending lexerr text): xl prints `...',
      // and like every %s it stops at a NUL byte of the file (one that ends an unfinished statement).
      const nul = src.subarray(textStart, textEnd).indexOf(0);
      near = '`' + this.out.text(textStart, nul >= 0 ? textStart + nul : textEnd) + "'";
    } else {
      let len = textEnd - textStart;
      let newline = '';
      if (len > 0 && src[textEnd - 1] === 0x0a) { len--; line--; if (len === 0) newline = '<newline>'; }
      while (len > 0 && (src[textStart + len - 1] === 0x09 || src[textStart + len - 1] === 0x20)) len--;
      const nul = src.subarray(textStart, textStart + len).indexOf(0);
      const shown = this.out.text(textStart, nul >= 0 ? textStart + nul : textStart + len);
      near = len ? '`' + shown + "'" + newline : newline;
    }
    this.out.errors.push({ kind, message: msg, line, near, start: spotStart, end: spotEnd, hidden: suppressed, ...detail });
    if (!suppressed) this.err = true;
  }

  lexicalError(textStart: number, textEnd: number, line: number): void {
    let spotEnd = textEnd;
    while (spotEnd > textStart && (this.src[spotEnd - 1] === 0x0a || this.src[spotEnd - 1] === 0x20 || this.src[spotEnd - 1] === 0x09)) spotEnd--;
    this.yyerror('lexical', 'lexical error', line, textStart, textEnd, false, textStart, spotEnd);
    this.lexErrLine = line;
  }

  private escapeError(e: EscapeError, tokStart: number, tokEnd: number): void {
    const line = this.lexer.lineno;
    if (this.err) {
      // libxlutil no longer decodes once an error happened: xl would report this only later.
      this.out.errors.push({ kind: 'escape', message: e.message, line, near: '`' + this.out.text(tokStart, tokEnd) + "'",
        start: e.start, end: e.end, hidden: true, escape: e.escape });
      return;
    }
    this.yyerror('escape', e.message, line, tokStart, tokEnd, false, e.start, e.end, { escape: e.escape });
    this.lexErrLine = line;
    this.err = true;
  }

  // ---- tokens ----

  private readToken(): number {
    const lx = this.lexer;
    const kind = lx.next();
    if (kind === T.String) {
      // The lexer noted backslashes and NULs while scanning: a NUL aborts libxlutil, a backslash
      // needs the escape rules.
      const src = this.src, s = lx.tokStart, e = lx.tokEnd;
      const flags = lx.stringFlags;
      if (flags & 2 && !this.err) {
        this.out.errors.push({ kind: 'abort', message: NUL_ABORT_MESSAGE, line: lx.lineno, near: '', start: s, end: e, hidden: false });
        this.err = true; this.aborted = true;
      } else if (flags & 1) {
        const bad = checkEscapes(src, s, e);
        if (bad) this.escapeError(bad, s, e);
      }
    }
    return kind;
  }

  // ---- the Bison loop ----

  run(): void {
    this.out.tokenCount = this.loop();
  }

  /** Bison's loop; returns how many tokens it read (a local while parsing: a field update per token showed in profiles). */
  private loop(): number {
    const lx = this.lexer;
    let ntok = 0;
    let stackSize = INITIAL_DEPTH;
    // Bison's stacks, reused across parses (they never nest); Bison's own growth is still counted.
    let states: Int32Array = SHARED_STACKS.states;
    let values: Int32Array = SHARED_STACKS.values;
    let starts: Int32Array = SHARED_STACKS.starts, ends: Int32Array = SHARED_STACKS.ends, lines: Int32Array = SHARED_STACKS.lines;
    let sp = 0;
    states[0] = 0;
    let lookahead = EMPTY;
    let lookaheadToken = -1;
    let errStatus = 0;
    const pathStart = this.pathStart, itemPathStart = this.itemPathStart;


    // `aborted` is only ever set by readToken, and checked right after it.
    for (;;) {
      const state = states[sp]!;
      if (state === pathStart && lookahead === EMPTY && errStatus === 0) {
        // A statement starts: take the walk of `IDENT =|+= atom NEWLINE|;`, or of an empty statement,
        // without the tables (statement-path.ts), with the lexer called and the actions done exactly
        // when the tables would. Where the input leaves it, the stack is what the tables would have
        // built so far, with the token read as lookahead.
        const path = PATH!;
        const tIdent = this.readToken(), iIdent = ntok++;
        if (this.aborted) return ntok;
        if (tIdent !== T.Ident) {
          // An empty statement (a blank or comment line, a lone `;`) is reduced back to `stmts`.
          if (!ENDS_STATEMENT[tIdent]) { lookahead = tIdent; lookaheadToken = iIdent; }
          continue;
        }
        const sIdent = lx.tokStart, eIdent = lx.tokEnd, lIdent = lx.tokLine;
        const tOp = this.readToken(), iOp = ntok++;
        if (this.aborted) return ntok;
        sp = 2; states[2] = path.ident; values[2] = iIdent; starts[2] = sIdent; ends[2] = eIdent; lines[2] = lIdent;
        if (tOp !== T.Assign && tOp !== T.AddAssign) { lookahead = tOp; lookaheadToken = iOp; continue; }
        const sOp = lx.tokStart, eOp = lx.tokEnd, lOp = lx.tokLine;
        const tAtom = this.readToken(), iAtom = ntok++;
        if (this.aborted) return ntok;
        if (tAtom !== T.String && tAtom !== T.Number) {
          sp = 3; states[3] = tOp === T.Assign ? path.set : path.add; values[3] = iOp; starts[3] = sOp; ends[3] = eOp; lines[3] = lOp;
          lookahead = tAtom; lookaheadToken = iAtom; continue;
        }
        const atom = this.out.pushAtom(tAtom === T.String ? NodeKind.String : NodeKind.Number, lx.tokStart, lx.tokEnd, lx.tokLine);
        const stmt = this.assignment(iIdent, iOp, atom, tOp === T.AddAssign, sIdent, eIdent, sOp);
        const tEnd = this.readToken(), iEnd = ntok++;
        if (this.aborted) return ntok;
        // NEWLINE or ';' ends it: endstmt, stmt and stmts reduce back to `stmts` at depth 1.
        if (ENDS_STATEMENT[tEnd]) { sp = 1; continue; }
        states[2] = path.assignment; values[2] = stmt;
        lookahead = tEnd; lookaheadToken = iEnd; continue;
      }
      if (state === itemPathStart && lookahead === T.Comma && errStatus === 0 && sp + 5 < stackSize - 1) {
        // `, atom` then `,` or `]` in a list: the walk of statement-path.ts's listItemPath, like the
        // statement path above (the atom made once read, joined to the list once the next token is).
        const path = ITEM_PATH!;
        const list = values[sp]!;
        states[sp + 1] = path.comma; values[sp + 1] = lookaheadToken; starts[sp + 1] = lx.tokStart; ends[sp + 1] = lx.tokEnd; lines[sp + 1] = lx.tokLine;
        states[sp + 2] = path.commaNl; values[sp + 2] = -1;
        const tAtom = this.readToken(), iAtom = ntok++;
        if (this.aborted) return ntok;
        if (tAtom !== T.String && tAtom !== T.Number) { sp += 2; lookahead = tAtom; lookaheadToken = iAtom; continue; }
        const atom = this.out.pushAtom(tAtom === T.String ? NodeKind.String : NodeKind.Number, lx.tokStart, lx.tokEnd, lx.tokLine);
        const tNext = this.readToken(), iNext = ntok++;
        if (this.aborted) return ntok;
        lookahead = tNext; lookaheadToken = iNext;
        if (tNext === T.Comma || tNext === T.RBracket) { this.out.appendItem(list, atom); continue; }
        states[sp + 3] = path.item; values[sp + 3] = atom;
        states[sp + 4] = path.itemNl; values[sp + 4] = -1;
        sp += 4;
        continue;
      }
      let rule = noLookaheadRule[state]!;
      if (rule === NEEDS_LOOKAHEAD) {
        if (lookahead === EMPTY) { lookahead = this.readToken(); lookaheadToken = ntok++; if (this.aborted) return ntok; }
        const at = state * TERMINAL_COUNT + lookahead;
        const a = action[at]!;
        if (a > 0) {
          const target = a - 1;
          if (target === acceptState) return ntok;
          if (errStatus) errStatus--;
          // shift
          if (++sp >= stackSize - 1 && sp >= stackSize - 1) {
            if (stackSize >= MAX_DEPTH) { states[sp] = target; this.exhausted(); return ntok; }
            stackSize = Math.min(stackSize * 2, MAX_DEPTH);
            if (states.length < stackSize) { growStacks(stackSize); ({ states, values, starts, ends, lines } = SHARED_STACKS); }
          }
          states[sp] = target;
          values[sp] = lookaheadToken;
          starts[sp] = lx.tokStart; ends[sp] = lx.tokEnd; lines[sp] = lx.tokLine;
          lookahead = EMPTY;
          continue;
        }
        rule = reduceRule[at]!;
      }
      if (rule < 0) {
        // Syntax error (yyerrlab).
        if (errStatus === 0) this.syntaxError(state, lookahead);
        if (errStatus === 3) {
          if (lookahead === T.End) return ntok;
          lookahead = EMPTY;
        }
        errStatus = 3;
        for (;;) {
          const s = states[sp]!;
          const ea = needsNoLookahead[s] ? 0 : action[s * TERMINAL_COUNT + T.Error]!;
          if (ea > 0) {
            if (++sp >= stackSize - 1) {
              if (stackSize >= MAX_DEPTH) { this.exhausted(); return ntok; }
              stackSize = Math.min(stackSize * 2, MAX_DEPTH);
              if (states.length < stackSize) { growStacks(stackSize); ({ states, values, starts, ends, lines } = SHARED_STACKS); }
            }
            states[sp] = ea - 1; values[sp] = -1;
            break;
          }
          if (sp === 0) return ntok;
          sp--;
        }
        continue;
      }
      // Reduce.
      const len = ruleLength[rule]!;
      const base = sp - len + 1;
      const result = this.reduce(rule, values, base, starts, ends, lines);
      sp -= len;
      const target = gotoTable[states[sp]! * SYMBOL_COUNT + ruleLhs[rule]!]!;
      if (++sp >= stackSize - 1) {
        if (stackSize >= MAX_DEPTH) { states[sp] = target; this.exhausted(); return ntok; }
        stackSize = Math.min(stackSize * 2, MAX_DEPTH);
        if (states.length < stackSize) { growStacks(stackSize); ({ states, values, starts, ends, lines } = SHARED_STACKS); }
      }
      states[sp] = target;
      values[sp] = result;
    }
  }

  /** Bison's stack is full (yyexhaustedlab). */
  private exhausted(): void {
    const lx = this.lexer;
    this.yyerror('exhausted', 'memory exhausted', lx.tokLine, lx.textStart, lx.textEnd, lx.atEof, lx.tokStart, Math.max(lx.tokEnd, lx.tokStart + 1));
  }

  private syntaxError(state: number, lookahead: number): void {
    const lx = this.lexer;
    const expected: string[] = [];
    let tooMany = false;
    for (let t = 0; t < TERMINAL_COUNT; t++) {
      if (t === T.Error || action[state * TERMINAL_COUNT + t] === 0) continue;
      if (t === T.AddAssign && this.opts.addAssign === false) continue;
      if (expected.length === 4) { tooMany = true; break; }
      expected.push(TERMINAL_NAMES[t]!);
    }
    let msg = `syntax error, unexpected ${TERMINAL_NAMES[lookahead]}`;
    if (!tooMany && expected.length) msg += `, expecting ${expected.join(' or ')}`;
    const spotEnd = lookahead === T.End ? lx.tokStart : lookahead === T.Newline ? lx.tokStart + 1 : lx.tokEnd;
    this.yyerror('syntax', msg, lx.tokLine, lx.textStart, lx.textEnd, lx.atEof, lx.tokStart, spotEnd,
      { unexpected: TERMINAL_NAMES[lookahead]!, expecting: tooMany ? [] : expected });
  }

  // ---- semantic actions: the tree for the editor, and what libxlutil stores ----

  private reduce(rule: number, v: Int32Array, b: number, starts: Int32Array, ends: Int32Array, lines: Int32Array): number {
    const out = this.out;
    switch (rule) {
      case R.AtomString: return out.pushAtom(NodeKind.String, starts[b]!, ends[b]!, lines[b]!);
      case R.AtomNumber: return out.pushAtom(NodeKind.Number, starts[b]!, ends[b]!, lines[b]!);
      case R.ValueAtom: return v[b]!;
      case R.ValueList: return out.closeList(v[b + 2]!, starts[b]!, lines[b]!, ends[b + 3]!);
      case R.ListEmpty: return out.pushList(-1, this.lexer.tokLine);
      case R.ListValues: case R.ListTrailingComma: return v[b]!;
      // The list takes the location of its first item as a grammar symbol (a nested list: its `[`).
      case R.ValuesFirst: return out.pushList(v[b]!, out.nodeOpenLine.get(v[b]!));
      case R.ValuesNext: out.appendItem(v[b]!, v[b + 3]!); return v[b]!;
      case R.AssignSet: case R.AssignAdd: return this.assignment(v[b]!, v[b + 1]!, v[b + 2]!, rule === R.AssignAdd, starts[b]!, ends[b]!, starts[b + 1]!);
      default: return -1;
    }
  }

  /** `assignment: IDENT '=' value` (or `+=`): the statement, stored unless an error came first. */
  private assignment(keyTok: number, opTok: number, value: number, add: boolean, keyStart: number, keyEnd: number, opStart: number): number {
    const stmt = this.out.pushStatement(keyTok, opTok, value, add, keyStart, keyEnd, opStart);
    if (!this.err) this.store(stmt);
    return stmt;
  }

  /** xlu__cfg_set_store: `+=` joins onto the newest stored setting of the same name. */
  private store(stmt: number): void {
    const out = this.out;
    if (!out.stmtAdd.a[stmt]) { out.storeSetting(stmt, -1); return; }
    const valueNode = out.stmtValue.get(stmt);
    let prev = -1;
    const keyStart = out.stmtKeyStart.a, keyEnd = out.stmtKeyEnd.a;
    const p = this.newest.newest(keyStart[stmt]!, keyEnd[stmt]!, { setStmt: out.setStmt.a, keyStart, keyEnd }, out.setStmt.n);
    if (p >= 0) {
      const prevIsList = out.nodeKind.get(out.stmtValue.get(out.setStmt.get(p))) === NodeKind.List;
      if (prevIsList !== (out.nodeKind.get(valueNode) === NodeKind.List)) {
        const lx = this.lexer;
        this.yyerror('concat', `can't add [list] to "string" or vice versa`, lx.lineno, lx.textStart, lx.textEnd, false,
          out.nodeStart.get(valueNode), out.nodeEnd.get(valueNode));
        this.lexErrLine = lx.lineno;
        this.err = true;
        return;
      }
      prev = p;
    }
    out.storeSetting(stmt, prev);
  }
}

const NO_OPTIONS: ParseOptions = {};
const SHARED_RUN = new ParseRun();

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}

/** Parses an xl.cfg file's bytes exactly as libxlutil does. */
export function parse(src: Uint8Array, opts: ParseOptions = {}): ParsedConfig {
  return parseFrom(src, opts, true);
}

/** parse, with every step taken through the tables (the tests of the paths compare the two). */
export function parseThroughTables(src: Uint8Array, opts: ParseOptions = {}): ParsedConfig {
  return parseFrom(src, opts, false);
}

function parseFrom(src: Uint8Array, opts: ParseOptions, paths: boolean): ParsedConfig {
  const out0 = new ParsedConfig(src);
  out0.noAddAssign = opts.addAssign === false;
  const r = SHARED_RUN.reset(src, opts, out0, paths);
  r.run();
  const out = r.out;
  out.accepted = !r.err;
  out.likelyPython = r.lexer.likelyPython;
  // The shared driver must not keep the last document (and its parse) alive once parsing is over.
  r.reset(EMPTY_SOURCE, NO_OPTIONS, EMPTY_CONFIG);
  SHARED_LEXER.reset(EMPTY_SOURCE, NO_SINK);
  return out;
}

export { Growable };
