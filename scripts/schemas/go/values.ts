/** The values the Go evaluator computes with (see evaluator.ts). */
import type { Expr, Param, Stmt } from './ast';

/** A Go map; keys are strings, numbers or booleans; insertion order is kept. */
export class GoMap {
  readonly entries = new Map<string | number | boolean, Value>();
}

/** A struct value (and, since `&T{}` is taken as the struct itself, a pointer to one). */
export class GoStruct {
  readonly fields = new Map<string, Value>();
  constructor(
    /** The type as written, e.g. `schema.Schema`; `?` when elided and not known from context. */
    readonly type: string,
  ) {}
}

export class GoSlice {
  constructor(readonly items: Value[]) {}
}

/** A name of another package (`schema.TypeString`, `corev1.PodPending`): known by name only. */
export class GoSymbol {
  constructor(readonly name: string) {}
}

/** A call into another package, kept with its evaluated arguments (validators are read from these). */
export class ExternalCall {
  constructor(
    readonly name: string,
    readonly args: Value[],
  ) {}
}

/** A function value: a package function, or a literal with the scope it closes over. */
export class GoFunction {
  constructor(
    readonly name: string,
    readonly params: Param[],
    readonly results: Param[],
    readonly body: Stmt[],
    readonly scope: Scope,
    /** For a literal: its source span, so a validator's body can be read. */
    readonly literal?: Extract<Expr, { k: 'func' }>,
    readonly file?: string,
    /** For a literal returned by a package function: that function and its arguments (`validateIntGreaterThan(1)`). */
    readonly origin?: { name: string; args: Value[] },
  ) {}
}

/** Several results of one call. */
export class Tuple {
  constructor(readonly items: Value[]) {}
}

/** Something the evaluator cannot know (a method of another package, a type switch, I/O). */
export class Unknown {
  constructor(readonly why: string) {}
}

export type Value = undefined | null | string | number | boolean | GoMap | GoStruct | GoSlice | GoSymbol | ExternalCall | GoFunction | Tuple | Unknown;

export class Scope {
  private readonly vars = new Map<string, { value: Value }>();
  constructor(readonly parent?: Scope) {}

  lookup(name: string): { value: Value } | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }

  define(name: string, value: Value): void {
    if (name !== '_') this.vars.set(name, { value });
  }
}

export function isUnknown(v: Value): boolean {
  return v instanceof Unknown || v instanceof GoSymbol || v instanceof ExternalCall;
}
