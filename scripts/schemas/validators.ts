/**
 * Reads value constraints out of a field's `ValidateFunc` / `ValidateDiagFunc`. Three sources:
 * the SDK's `validation` helpers (by name and arguments), a provider's own validator functions (a table
 * per provider, each entry checked against the function's body by hand), and function literals, whose
 * body is read for the few shapes that state a constraint outright: `if !re.MatchString(v) { error }`,
 * `if len(v) > N { error }`, `if v < N || v > M { error }`, `switch v { case …: return nil }` before an
 * error. Every constraint taken is a condition the provider rejects a value for; anything else is left
 * out, so a value the provider accepts never fails these checks.
 */
import type { Expr, Stmt } from './go/ast';
import type { ValueChecks } from '../../server/src/schema/format';
import { ExternalCall, GoFunction, GoSlice, GoSymbol, Value } from './go/values';

export interface ValidatorContext {
  /** The provider's own validator functions (or factories) by name. */
  named: Record<string, (args: Value[]) => ValueChecks | undefined>;
  /** Validators that gave nothing, by name, with a count (for the generator's report). */
  unread: Map<string, number>;
  /** The value of a package-level name (a regular expression variable, a length constant). */
  resolve: (name: string) => Value;
}

export function checksOf(v: Value, where: string, ctx: ValidatorContext): ValueChecks {
  const checks = read(v, ctx);
  if (!checks) {
    const name = v instanceof ExternalCall ? v.name : v instanceof GoSymbol ? v.name : v instanceof GoFunction ? v.origin?.name ?? v.name : typeof v;
    ctx.unread.set(name, (ctx.unread.get(name) ?? 0) + 1);
    return {};
  }
  if (checks.pattern !== undefined && !sharedRegexSubset(checks.pattern)) {
    ctx.unread.set(`pattern outside the shared subset at ${where}`, 1);
    delete checks.pattern;
  }
  // `^(a|b|c)$` over plain words says exactly what a list of allowed values says, and completion can offer a list.
  const words = checks.pattern !== undefined ? /^\^\(([A-Za-z0-9_-]+(?:\|[A-Za-z0-9_-]+)*)\)\$$/.exec(checks.pattern) : null;
  if (words && !checks.allowed_values) {
    checks.allowed_values = words[1]!.split('|');
    delete checks.pattern;
  }
  return checks;
}

function read(v: Value, ctx: ValidatorContext): ValueChecks | undefined {
  if (v instanceof GoSymbol) return helper(v.name, [], ctx);
  if (v instanceof ExternalCall) return helper(v.name, v.args, ctx);
  if (v instanceof GoFunction) {
    if (v.origin) return ctx.named[v.origin.name]?.(v.origin.args);
    if (!v.literal) return ctx.named[v.name]?.([]);
    return literal(v, ctx);
  }
  return undefined;
}

function strings(v: Value): string[] | undefined {
  return v instanceof GoSlice && v.items.every((x) => typeof x === 'string') ? (v.items as string[]) : undefined;
}

function numbers(v: Value): number[] | undefined {
  return v instanceof GoSlice && v.items.every((x) => typeof x === 'number') ? (v.items as number[]) : undefined;
}

function num(v: Value): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function helper(name: string, args: Value[], ctx: ValidatorContext): ValueChecks | undefined {
  const [a, b] = args;
  switch (name) {
    case 'validation.StringInSlice': {
      const values = strings(a);
      return values ? { allowed_values: values, ...(b === true ? { ignore_case: true as const } : {}) } : undefined;
    }
    case 'validation.IntInSlice': {
      const values = numbers(a);
      return values ? { allowed_values: values } : undefined;
    }
    case 'validation.IntBetween':
    case 'validation.FloatBetween':
      return num(a) !== undefined && num(b) !== undefined ? { minimum: num(a), maximum: num(b) } : undefined;
    case 'validation.IntAtLeast':
    case 'validation.FloatAtLeast':
      return num(a) !== undefined ? { minimum: num(a) } : undefined;
    case 'validation.IntAtMost':
    case 'validation.FloatAtMost':
      return num(a) !== undefined ? { maximum: num(a) } : undefined;
    case 'validation.StringLenBetween':
      return num(a) !== undefined && num(b) !== undefined ? { ...(num(a)! > 0 ? { min_length: num(a) } : {}), max_length: num(b) } : undefined;
    case 'validation.StringIsNotEmpty':
      return { min_length: 1 };
    case 'validation.StringIsNotWhiteSpace':
      return { format: 'not-blank' };
    case 'validation.IsPortNumber':
      return { minimum: 1, maximum: 65535 };
    case 'validation.IsPortNumberOrZero':
      return { minimum: 0, maximum: 65535 };
    case 'validation.StringMatch': {
      const pattern = a instanceof ExternalCall && a.name === 'regexp.MustCompile' && typeof a.args[0] === 'string' ? a.args[0] : undefined;
      return pattern !== undefined ? { pattern } : undefined;
    }
    case 'validation.ToDiagFunc':
      return a !== undefined ? read(a, ctx) : undefined;
    case 'validation.All': {
      // Every part must hold: the parts that can be read are each a sound check on their own.
      const parts = args.map((x) => read(x, ctx)).filter((x): x is ValueChecks => !!x);
      return parts.length ? Object.assign({}, ...parts) : undefined;
    }
    case 'validation.Any': {
      // One part must hold: only a union of value lists says something exact.
      const parts = args.map((x) => read(x, ctx));
      if (!parts.every((p) => p?.allowed_values && Object.keys(p).length === 1)) return undefined;
      return { allowed_values: parts.flatMap((p) => p!.allowed_values!) };
    }
    default:
      return ctx.named[name]?.(args);
  }
}

// ---- function literals -------------------------------------------------------------------------------

function literal(fn: GoFunction, ctx: ValidatorContext): ValueChecks | undefined {
  const value = fn.params[0]?.name;
  if (!value || !fn.literal) return undefined;
  const aliases = new Set([value]);
  const checks: ValueChecks = {};
  const bound = (name: string): Value => (fn.scope.lookup(name) ? fn.scope.lookup(name)!.value : ctx.resolve(name));
  const regexes = (e: Expr): string | undefined => {
    if (e.k !== 'ident') return undefined;
    const bound_ = bound(e.name);
    return bound_ instanceof ExternalCall && bound_.name === 'regexp.MustCompile' && typeof bound_.args[0] === 'string' ? bound_.args[0] : undefined;
  };
  const numberOf = (e: Expr): number | undefined => {
    if (e.k === 'int') return e.value;
    if (e.k !== 'ident') return undefined;
    const v = bound(e.name);
    return typeof v === 'number' ? v : undefined;
  };
  for (const s of fn.literal.body) {
    if (s.k === 'assign' && s.rhs.length === 1 && s.rhs[0]!.k === 'assert' && isAlias(s.rhs[0]!.x, aliases)) {
      const target = s.lhs[0];
      if (target?.k === 'ident') aliases.add(target.name);
      continue;
    }
    if (s.k === 'if' && !s.init && !s.else) {
      if (returnsSuccess(s.then)) {
        // `if v == 0 { return }`: that one value is accepted, and what follows holds for the others.
        const accepted = acceptedValue(s.cond, aliases, numberOf);
        if (accepted === undefined) return done(checks); // what follows holds only for the other values
        checks.also_allowed = [...(checks.also_allowed ?? []), accepted];
        continue;
      }
      if (!returnsError(s.then)) continue;
      Object.assign(checks, condition(s.cond, aliases, regexes, numberOf) ?? {});
      continue;
    }
    if (s.k === 'switch' && s.tag && isAlias(s.tag, aliases) && !s.typeSwitch) {
      const allowed: Array<string | number> = [];
      for (const clause of s.clauses) {
        if (!clause.exprs || !returnsSuccess(clause.body)) return done(checks);
        for (const x of clause.exprs) {
          if (x.k !== 'string' && x.k !== 'int') return done(checks);
          allowed.push(x.value);
        }
      }
      const rest = fn.literal.body.slice(fn.literal.body.indexOf(s) + 1);
      if (rest.length === 1 && returnsError(rest)) checks.allowed_values = allowed;
      return done(checks);
    }
    if (s.k === 'return' || s.k === 'for' || s.k === 'range' || s.k === 'switch' || s.k === 'if') return done(checks);
  }
  return done(checks);
}

/** The literal of an `alias == literal` condition, or undefined for any other condition. */
function acceptedValue(cond: Expr, aliases: Set<string>, numberOf: (e: Expr) => number | undefined): string | number | undefined {
  if (cond.k !== 'binary' || cond.op !== '==' || !isAlias(cond.x, aliases)) return undefined;
  if (cond.y.k === 'string') return cond.y.value;
  return numberOf(cond.y);
}

function done(checks: ValueChecks): ValueChecks | undefined {
  // Values accepted early say nothing without a check that the others must pass.
  return Object.keys(checks).some((k) => k !== 'also_allowed') ? checks : undefined;
}

/** The validated value itself: its parameter, a variable it was asserted into, or `param.(T)` inline. */
function isAlias(e: Expr, aliases: Set<string>): boolean {
  if (e.k === 'assert') return isAlias(e.x, aliases);
  return e.k === 'ident' && aliases.has(e.name);
}

function returnsSuccess(body: Stmt[]): boolean {
  const last = body[body.length - 1];
  return body.length === 1 && last?.k === 'return' && last.values.every((v) => v.k === 'ident' && v.name === 'nil');
}

/** The body ends in a return whose values name an error (`diag.Errorf`, `[]error{…}`, `fmt.Errorf`). */
function returnsError(body: Stmt[]): boolean {
  const last = body[body.length - 1];
  if (last?.k !== 'return') return false;
  return last.values.some((v) => {
    if (v.k === 'call' && v.fn.k === 'sel' && v.fn.x.k === 'ident') return /^(diag\.Errorf|fmt\.Errorf|errors\.New)$/.test(`${v.fn.x.name}.${v.fn.name}`);
    return v.k === 'composite' && v.type?.k === 'slice' && v.type.elem.k === 'name' && v.type.elem.name === 'error' && v.elts.length > 0;
  });
}

/** The constraint an error condition states, or undefined when it is not one of the shapes read here. */
function condition(cond: Expr, aliases: Set<string>, regexOf: (e: Expr) => string | undefined, numberOf: (e: Expr) => number | undefined): ValueChecks | undefined {
  if (cond.k === 'unary' && cond.op === '!' && cond.x.k === 'call' && cond.x.fn.k === 'sel' && cond.x.fn.name === 'MatchString' && cond.x.args.length === 1 && isAlias(cond.x.args[0]!, aliases)) {
    const pattern = regexOf(cond.x.fn.x);
    return pattern !== undefined ? { pattern } : undefined;
  }
  if (cond.k === 'unary' && cond.op === '!' && cond.x.k === 'call' && cond.x.fn.k === 'sel' && cond.x.fn.x.k === 'ident' && `${cond.x.fn.x.name}.${cond.x.fn.name}` === 'filepath.IsAbs' && isAlias(cond.x.args[0]!, aliases)) {
    return { format: 'absolute-path' };
  }
  if (cond.k === 'binary' && cond.op === '||') {
    const left = condition(cond.x, aliases, regexOf, numberOf);
    const right = condition(cond.y, aliases, regexOf, numberOf);
    return left && right ? { ...left, ...right } : undefined;
  }
  if (cond.k !== 'binary') return undefined;
  const isLen = (e: Expr) => e.k === 'call' && e.fn.k === 'ident' && e.fn.name === 'len' && e.args.length === 1 && isAlias(e.args[0]!, aliases);
  const n = numberOf(cond.y);
  if (n === undefined) {
    if (cond.op === '==' && isAlias(cond.x, aliases) && cond.y.k === 'string' && cond.y.value === '') return { min_length: 1 };
    return undefined;
  }
  if (isLen(cond.x)) {
    if (cond.op === '>') return { max_length: n };
    if (cond.op === '>=') return { max_length: n - 1 };
    if (cond.op === '<') return { min_length: n };
    if (cond.op === '==' && n === 0) return { min_length: 1 };
    return undefined;
  }
  if (!isAlias(cond.x, aliases)) return undefined;
  if (cond.op === '<') return { minimum: n };
  if (cond.op === '<=') return { minimum: n + 1 };
  if (cond.op === '>') return { maximum: n };
  if (cond.op === '>=') return { maximum: n - 1 };
  return undefined;
}

/**
 * Whether a pattern means the same to Go's RE2 and to JavaScript: no flags or named groups `(?…)`,
 * no `\A \z \Q \p`, no POSIX classes, and it compiles in JavaScript.
 */
export function sharedRegexSubset(pattern: string): boolean {
  if (/\(\?|\\[AzQEpPC]|\[\[:/.test(pattern)) return false;
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
