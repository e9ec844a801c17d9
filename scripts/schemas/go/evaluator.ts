/**
 * Runs the Go functions of one package that build provider schemas, as Go would, on the subset they use:
 * composite literals, package functions with arguments, local variables, field and map assignments,
 * `if`, `for … range`, `switch`, `append`, `delete`, `make`, conversions and constants with `iota`.
 * Whatever belongs to another package stays symbolic: `schema.TypeString` is a GoSymbol, a call such as
 * `validation.StringInSlice([]string{…}, false)` an ExternalCall with its evaluated arguments. What cannot
 * be known (a method of another package, a type switch) is Unknown, and every place where evaluation had to
 * guess is listed in `warnings`.
 *
 * GoPackage is one class built in layers, each a file that extends the one below: packageState.ts (what is
 * known of the package), expressionEvaluator.ts, callEvaluator.ts, statementEvaluator.ts; valueOperations.ts
 * holds what needs no package. One class keeps the mutual recursion as plain method calls.
 */
import type { Expr } from './ast';
import { StatementEvaluator } from './statementEvaluator';
import { GoFunction, Value } from './values';

export { describe, qualified, typeName } from './valueOperations';

export class GoPackage extends StatementEvaluator {
  has(name: string): boolean {
    return this.funcs.has(name);
  }

  /** Calls the package function `name` with already evaluated arguments. */
  call(name: string, args: Value[] = []): Value {
    const decl = this.funcs.get(name);
    if (!decl) throw new Error(`no function ${name} in the package`);
    return this.invoke(this.declared(decl), args);
  }

  /** Calls a function value (a closure a package function returned). */
  invokeValue(fn: GoFunction, args: Value[]): Value {
    return this.invoke(fn, args);
  }

  /** The value of the package-level expression `source`'s parse, e.g. the argument list of a map entry. */
  evaluate(expr: Expr): Value {
    return this.expr(expr, this.global);
  }
}
