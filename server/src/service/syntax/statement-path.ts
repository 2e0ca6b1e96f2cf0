// The states the LALR tables walk through for the commonest statement, `IDENT = atom NEWLINE` (or
// `+=`, or `;`), for an empty one (a blank or comment line), and for the commonest list item
// (`, atom` followed by `,` or `]`), read off the tables once so that the parser can take those
// walks in straight-line code: the same lexer calls in the same order, the same semantic actions at
// the same moments, and the same stack it would have built step by step wherever the input leaves
// the walk.
import { T, N, R } from './grammar';
import type { buildTables } from './lalr';

/** A state that reads a lookahead before it acts (no default reduction without one). */
const READS = -2;

export interface StatementPath {
  /**
   * `stmts` on top of state 0 (stack depth 1): where every statement starts; reads a lookahead. A
   * NEWLINE or `;` there is an empty statement, reduced back to this state.
   */
  readonly stmts: number;
  /** After shifting IDENT there; reads a lookahead. */
  readonly ident: number;
  /** After shifting `=` / `+=` there; each reads a lookahead. */
  readonly set: number;
  readonly add: number;
  /** `assignment` on top of `stmts`; reads a lookahead (NEWLINE, `;`, or the end of the file). */
  readonly assignment: number;
}

/**
 * Reads the path off the tables and checks every step the parser will take without them: a shift
 * where it shifts, a reduction that needs no lookahead where it reduces at once, and the goto that
 * brings it back to `stmts`. Undefined (the parser then takes every step through the tables) if the
 * tables do not have that shape.
 */
export function statementPath(t: ReturnType<typeof buildTables>): StatementPath | undefined {
  const { shift, reduces, goTo, ruleLength } = steps(t);

  const stmts = goTo(0, N.Stmts);
  const ident = shift(stmts, T.Ident);
  const set = shift(ident, T.Assign), add = shift(ident, T.AddAssign);
  const assignment = goTo(stmts, N.Assignment);
  const ok =
    stmts >= 0 && reduces(stmts) === READS && ident >= 0 && reduces(ident) === READS &&
    [[set, R.AssignSet], [add, R.AssignAdd]].every(([op, rule]) =>
      op! >= 0 && reduces(op!) === READS &&
      reduces(shift(op!, T.String)) === R.AtomString && reduces(shift(op!, T.Number)) === R.AtomNumber &&
      reduces(goTo(op!, N.Atom)) === R.ValueAtom && reduces(goTo(op!, N.Value)) === rule) &&
    assignment >= 0 && reduces(assignment) === READS &&
    reduces(shift(assignment, T.Newline)) === R.EndNewline && reduces(shift(assignment, T.Semicolon)) === R.EndSemicolon &&
    reduces(goTo(assignment, N.EndStmt)) === R.StmtAssignment && reduces(goTo(stmts, N.Stmt)) === R.StmtsMore &&
    reduces(shift(stmts, T.Newline)) === R.EndNewline && reduces(shift(stmts, T.Semicolon)) === R.EndSemicolon &&
    reduces(goTo(stmts, N.EndStmt)) === R.StmtEmpty && ruleLength[R.StmtEmpty] === 1 &&
    [R.AtomString, R.AtomNumber, R.ValueAtom, R.EndNewline, R.EndSemicolon].every((r) => ruleLength[r] === 1) &&
    ruleLength[R.StmtsMore] === 2 && ruleLength[R.StmtAssignment] === 2 && ruleLength[R.AssignSet] === 3 && ruleLength[R.AssignAdd] === 3;
  return ok ? { stmts, ident, set, add, assignment } : undefined;
}

export interface ListItemPath {
  /** `values` on top of `[ nlok` (a list's items so far); reads a lookahead. */
  readonly values: number;
  /** After shifting `,` there: reduces an empty `nlok` at once. */
  readonly comma: number;
  /** `values , nlok`; reads a lookahead. */
  readonly commaNl: number;
  /** `values , nlok value`: reduces an empty `nlok` at once. */
  readonly item: number;
  /** `values , nlok value nlok`; reads a lookahead, and on `,` or `]` reduces the item onto the list. */
  readonly itemNl: number;
}

/**
 * The walk of `, atom` followed by `,` or `]` in a list, checked like statementPath's. The item's
 * reduction pops `values , nlok value nlok` back to `[ nlok`, whose goto on `values` is `values`
 * again: the walk ends where it started, with the token after the item as lookahead.
 */
export function listItemPath(t: ReturnType<typeof buildTables>): ListItemPath | undefined {
  const { shift, reduces, reducesOn, goTo, ruleLength } = steps(t);
  // A list's `[` after `IDENT =`; `[ nlok` is one state wherever the `[` stands (LALR merges them).
  const open = shift(shift(shift(goTo(0, N.Stmts), T.Ident), T.Assign), T.LBracket);
  const openNl = goTo(open, N.NlOk);
  const values = goTo(openNl, N.Values);
  const comma = shift(values, T.Comma);
  const commaNl = goTo(comma, N.NlOk);
  const item = goTo(commaNl, N.Value);
  const itemNl = goTo(item, N.NlOk);
  const ok =
    reduces(open) === R.NlOkEmpty && openNl >= 0 && values >= 0 && reduces(values) === READS &&
    reduces(comma) === R.NlOkEmpty && commaNl >= 0 && reduces(commaNl) === READS &&
    reduces(shift(commaNl, T.String)) === R.AtomString && reduces(shift(commaNl, T.Number)) === R.AtomNumber &&
    reduces(goTo(commaNl, N.Atom)) === R.ValueAtom && reduces(item) === R.NlOkEmpty && itemNl >= 0 && reduces(itemNl) === READS &&
    reducesOn(itemNl, T.Comma) === R.ValuesNext && reducesOn(itemNl, T.RBracket) === R.ValuesNext &&
    ruleLength[R.NlOkEmpty] === 0 && ruleLength[R.ValuesNext] === 5 && ruleLength[R.ValueAtom] === 1 &&
    ruleLength[R.AtomString] === 1 && ruleLength[R.AtomNumber] === 1;
  return ok ? { values, comma, commaNl, item, itemNl } : undefined;
}

/** Single steps through the tables, -1 for none (a state of -1 leads nowhere). */
function steps(t: ReturnType<typeof buildTables>) {
  const { action, defaultReduction, needsNoLookahead, gotoTable, acceptState, ruleLength } = t;
  const terminals = action.length / t.stateCount;
  const symbols = gotoTable.length / t.stateCount;
  const actionOf = (s: number, tok: number) => (s < 0 ? 0 : action[s * terminals + tok]!);
  return {
    ruleLength,
    /** The state shifting `tok` leads to. */
    shift: (s: number, tok: number) => { const a = actionOf(s, tok); return a > 0 && a - 1 !== acceptState ? a - 1 : -1; },
    /** The rule a state reduces without a lookahead, or READS. */
    reduces: (s: number) => (s < 0 ? -1 : needsNoLookahead[s] ? defaultReduction[s]! : READS),
    /** The rule a state that read lookahead `tok` reduces (-1: it shifts, or it is an error). */
    reducesOn: (s: number, tok: number) => { const a = actionOf(s, tok); return s < 0 || a > 0 ? -1 : a < 0 ? -a - 1 : defaultReduction[s]!; },
    goTo: (s: number, n: number) => (s < 0 ? -1 : gotoTable[s * symbols + n]!),
  };
}
