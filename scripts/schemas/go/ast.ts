/** The syntax tree of the Go subset the schema generator reads (see parser.ts). */

export type TypeExpr =
  | { k: 'name'; pkg?: string; name: string; args?: TypeExpr[] }
  | { k: 'ptr'; elem: TypeExpr }
  | { k: 'slice'; elem: TypeExpr }
  | { k: 'array'; elem: TypeExpr }
  | { k: 'map'; key: TypeExpr; elem: TypeExpr }
  | { k: 'chan'; elem: TypeExpr }
  | { k: 'func' }
  | { k: 'struct' }
  | { k: 'interface' };

export interface Element {
  key?: Expr;
  value: Expr;
}

export type Expr =
  | { k: 'string'; value: string }
  | { k: 'int'; value: number }
  | { k: 'float'; value: number }
  | { k: 'rune'; value: number }
  | { k: 'ident'; name: string }
  | { k: 'sel'; x: Expr; name: string }
  | { k: 'index'; x: Expr; index: Expr[] }
  | { k: 'slice'; x: Expr; lo?: Expr; hi?: Expr }
  | { k: 'assert'; x: Expr; type?: TypeExpr }
  | { k: 'call'; fn: Expr; args: Expr[]; spread: boolean }
  | { k: 'unary'; op: string; x: Expr }
  | { k: 'binary'; op: string; x: Expr; y: Expr }
  /** A composite literal; `type` is absent where Go lets it be elided (elements of a typed literal). */
  | { k: 'composite'; type?: TypeExpr; elts: Element[] }
  | { k: 'func'; params: Param[]; results: Param[]; body: Stmt[]; start: number; end: number }
  | { k: 'type'; type: TypeExpr };

export interface Param {
  name?: string;
  variadic: boolean;
}

export interface Clause {
  /** Undefined for `default:`. */
  exprs?: Expr[];
  body: Stmt[];
}

export type Stmt =
  | { k: 'expr'; x: Expr }
  | { k: 'assign'; op: string; lhs: Expr[]; rhs: Expr[] }
  | { k: 'incdec'; op: string; x: Expr }
  | { k: 'var'; names: string[]; type?: TypeExpr; values: Array<Expr | undefined> }
  | { k: 'if'; init?: Stmt; cond: Expr; then: Stmt[]; else?: Stmt[] }
  | { k: 'for'; init?: Stmt; cond?: Expr; post?: Stmt; body: Stmt[] }
  | { k: 'range'; key?: Expr; value?: Expr; define: boolean; x: Expr; body: Stmt[] }
  | { k: 'switch'; init?: Stmt; tag?: Expr; clauses: Clause[]; typeSwitch: boolean }
  | { k: 'return'; values: Expr[] }
  | { k: 'block'; body: Stmt[] }
  | { k: 'branch'; word: string }
  /** Statements that never shape a schema (go, defer, select, goto targets, local types). */
  | { k: 'skip' };

export interface FuncDecl {
  name: string;
  /** The receiver's type name for a method. */
  receiver?: string;
  params: Param[];
  results: Param[];
  body: Stmt[];
  file: string;
}

export interface ValueSpec {
  name: string;
  /** Undefined for a blank `var x T`. */
  value?: Expr;
  /** The value of `iota` for this spec (constants). */
  iota: number;
}

export interface GoFile {
  path: string;
  pkg: string;
  /** Import alias (or last path element) → import path. */
  imports: Map<string, string>;
  funcs: FuncDecl[];
  values: ValueSpec[];
  /** Names of the types the file declares (a call to one is a conversion). */
  types: string[];
  /** Declarations the parser could not read, with the reason (reported by the generator). */
  failures: string[];
}
