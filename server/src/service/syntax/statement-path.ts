// The states the LALR tables walk through for the commonest statement, `IDENT = atom NEWLINE` (or
// `+=`, or `;`), and for an empty one (a blank or comment line), read off the tables once so that
// the parser can take that walk in straight-line
// code: the same lexer calls in the same order, the same semantic actions at the same moments, and
// the same stack it would have built step by step wherever the input leaves the path.
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
  const { action, defaultReduction, needsNoLookahead, gotoTable, acceptState, ruleLength } = t;
  const terminals = action.length / t.stateCount;
  const symbols = gotoTable.length / t.stateCount;
  const shift = (s: number, tok: number) => { const a = action[s * terminals + tok]!; return a > 0 && a - 1 !== acceptState ? a - 1 : -1; };
  const reduces = (s: number) => (s < 0 ? -1 : needsNoLookahead[s] ? defaultReduction[s]! : READS);
  const goTo = (s: number, n: number) => (s < 0 ? -1 : gotoTable[s * symbols + n]!);

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
