// The xl.cfg grammar as libxlutil's Bison parser defines it (tools/libs/util/libxlu_cfg_y.y,
// identical from Xen 4.13 to 4.22), written as data in our own notation. The parser driver builds
// LALR(1) tables from it the way Bison does, so its syntax errors, error recovery and stack limit are
// those of xl.

/** Terminal symbols, numbered as Bison numbers them (this order decides "expecting" lists). */
export const enum T {
  End = 0,        // $end
  Error = 1,      // error
  Undefined = 2,  // $undefined
  Ident = 3,
  String = 4,
  Number = 5,
  Newline = 6,
  AddAssign = 7,  // "+="
  Assign = 8,     // '='
  Semicolon = 9,  // ';'
  LBracket = 10,  // '['
  RBracket = 11,  // ']'
  Comma = 12,     // ','
}
export const TERMINAL_COUNT = 13;

/** How Bison prints each terminal in "unexpected X, expecting Y or Z". */
export const TERMINAL_NAMES: readonly string[] = [
  '$end', 'error', '$undefined', 'IDENT', 'STRING', 'NUMBER', 'NEWLINE', '+=', "'='", "';'", "'['", "']'", "','",
];

/** Nonterminals, numbered after the terminals. */
export const enum N {
  Accept = 13, File, Stmts, Stmt, Assignment, EndStmt, Value, Atom, ValueList, Values, NlOk,
}
export const SYMBOL_COUNT = 24;

/** Grammar rules; the index is the rule number the driver's semantic actions switch on. */
export const enum R {
  Accept = 0,          // $accept  -> file $end
  FileStmts,           // file     -> stmts
  FileLastAssignment,  // file     -> stmts assignment        (last statement without terminator)
  StmtsEmpty,          // stmts    -> (nothing)
  StmtsMore,           // stmts    -> stmts stmt
  StmtAssignment,      // stmt     -> assignment endstmt
  StmtEmpty,           // stmt     -> endstmt
  StmtRecover,         // stmt     -> error NEWLINE
  AssignSet,           // assignment -> IDENT '=' value
  AssignAdd,           // assignment -> IDENT "+=" value
  EndNewline,          // endstmt  -> NEWLINE
  EndSemicolon,        // endstmt  -> ';'
  ValueAtom,           // value    -> atom
  ValueList,           // value    -> '[' nlok valuelist ']'
  AtomString,          // atom     -> STRING
  AtomNumber,          // atom     -> NUMBER
  ListEmpty,           // valuelist -> (nothing)
  ListValues,          // valuelist -> values
  ListTrailingComma,   // valuelist -> values ',' nlok
  ValuesFirst,         // values   -> value nlok
  ValuesNext,          // values   -> values ',' nlok value nlok
  NlOkEmpty,           // nlok     -> (nothing)
  NlOkMore,            // nlok     -> nlok NEWLINE
}

export interface Rule { readonly lhs: number; readonly rhs: readonly number[] }

export const RULES: readonly Rule[] = [
  { lhs: N.Accept, rhs: [N.File, T.End] },
  { lhs: N.File, rhs: [N.Stmts] },
  { lhs: N.File, rhs: [N.Stmts, N.Assignment] },
  { lhs: N.Stmts, rhs: [] },
  { lhs: N.Stmts, rhs: [N.Stmts, N.Stmt] },
  { lhs: N.Stmt, rhs: [N.Assignment, N.EndStmt] },
  { lhs: N.Stmt, rhs: [N.EndStmt] },
  { lhs: N.Stmt, rhs: [T.Error, T.Newline] },
  { lhs: N.Assignment, rhs: [T.Ident, T.Assign, N.Value] },
  { lhs: N.Assignment, rhs: [T.Ident, T.AddAssign, N.Value] },
  { lhs: N.EndStmt, rhs: [T.Newline] },
  { lhs: N.EndStmt, rhs: [T.Semicolon] },
  { lhs: N.Value, rhs: [N.Atom] },
  { lhs: N.Value, rhs: [T.LBracket, N.NlOk, N.ValueList, T.RBracket] },
  { lhs: N.Atom, rhs: [T.String] },
  { lhs: N.Atom, rhs: [T.Number] },
  { lhs: N.ValueList, rhs: [] },
  { lhs: N.ValueList, rhs: [N.Values] },
  { lhs: N.ValueList, rhs: [N.Values, T.Comma, N.NlOk] },
  { lhs: N.Values, rhs: [N.Value, N.NlOk] },
  { lhs: N.Values, rhs: [N.Values, T.Comma, N.NlOk, N.Value, N.NlOk] },
  { lhs: N.NlOk, rhs: [] },
  { lhs: N.NlOk, rhs: [N.NlOk, T.Newline] },
];
