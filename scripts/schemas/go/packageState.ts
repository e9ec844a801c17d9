/**
 * What the Go evaluator knows of one package (see evaluator.ts): its functions, methods, package-level
 * values and types by name, the import aliases of each file, and the bookkeeping of one run (warnings,
 * the file whose code runs, call depth and steps).
 */
import type { Expr, FuncDecl, GoFile } from './ast';
import { GoFunction, Scope, Tuple, Value } from './values';

export abstract class PackageState {
  readonly warnings: string[] = [];
  protected readonly funcs = new Map<string, FuncDecl>();
  protected readonly methods = new Map<string, FuncDecl>();
  protected readonly specs = new Map<string, { value?: Expr; iota: number; file: GoFile }>();
  protected readonly cache = new Map<string, Value>();
  /** Per file: import alias → import path. */
  protected readonly fileImports = new Map<string, Map<string, string>>();
  /** The file whose code runs now (import aliases are per file). */
  protected readonly files: string[] = [];
  protected readonly types = new Set<string>();
  protected readonly global = new Scope();
  protected depth = 0;
  protected steps = 0;

  constructor(
    files: readonly GoFile[],
    /** Values of other packages' constants, by qualified name (`k8s.io/api/core/v1.ProtocolTCP`). */
    protected readonly constants: Readonly<Record<string, string | number>> = {},
  ) {
    for (const file of files) {
      for (const f of file.funcs) {
        if (f.receiver) this.methods.set(`${f.receiver}.${f.name}`, f);
        else this.funcs.set(f.name, f);
      }
      for (const v of file.values) this.specs.set(v.name, { value: v.value, iota: v.iota, file });
      this.fileImports.set(file.path, file.imports);
      for (const t of file.types) this.types.add(t);
    }
  }

  protected declared(decl: FuncDecl): GoFunction {
    return new GoFunction(decl.name, decl.params, decl.results, decl.body, this.global, undefined, decl.file);
  }

  protected warn(message: string): void {
    if (this.warnings.length < 500) this.warnings.push(message);
  }

  protected single(v: Value): Value {
    return v instanceof Tuple ? v.items[0] : v;
  }
}
