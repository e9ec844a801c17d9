/** The Go evaluator's statements (see evaluator.ts): assignments, `if`, `for`, `range`, `switch`, `return`. */
import type { Expr, Stmt } from './ast';
import { CallEvaluator, Signal } from './callEvaluator';
import { arithmetic, describe, key } from './valueOperations';
import { GoMap, GoSlice, GoStruct, isUnknown, Scope, Tuple, Unknown, Value } from './values';

const MAX_STEPS = 5_000_000;

export abstract class StatementEvaluator extends CallEvaluator {
  protected block(body: readonly Stmt[], scope: Scope): Signal {
    for (const s of body) {
      const signal = this.stmt(s, scope);
      if (signal) return signal;
    }
    return undefined;
  }

  protected stmt(s: Stmt, scope: Scope): Signal {
    if (++this.steps > MAX_STEPS) throw new Error('evaluation took too many steps');
    switch (s.k) {
      case 'expr':
        this.expr(s.x, scope);
        return undefined;
      case 'assign':
        this.assign(s, scope);
        return undefined;
      case 'incdec': {
        const v = this.expr(s.x, scope);
        if (typeof v === 'number') this.store(s.x, s.op === '++' ? v + 1 : v - 1, scope, false);
        return undefined;
      }
      case 'var':
        s.names.forEach((name, i) => scope.define(name, s.values[i] ? this.single(this.expr(s.values[i]!, scope)) : undefined));
        return undefined;
      case 'block':
        return this.block(s.body, new Scope(scope));
      case 'if': {
        const inner = new Scope(scope);
        if (s.init) this.stmt(s.init, inner);
        const cond = this.single(this.expr(s.cond, inner));
        if (typeof cond !== 'boolean') {
          this.warn(`an if condition is not known (${describe(cond)}): neither branch taken`);
          return undefined;
        }
        if (cond) return this.block(s.then, new Scope(inner));
        return s.else ? this.block(s.else, new Scope(inner)) : undefined;
      }
      case 'for':
        return this.forLoop(s, scope);
      case 'range':
        return this.rangeLoop(s, scope);
      case 'switch':
        return this.switchStmt(s, scope);
      case 'return': {
        if (s.values.length === 1) return { kind: 'return', value: this.expr(s.values[0]!, scope) };
        if (s.values.length === 0) return { kind: 'return', value: undefined };
        return { kind: 'return', value: new Tuple(s.values.map((v) => this.single(this.expr(v, scope)))) };
      }
      case 'branch':
        if (s.word === 'break') return { kind: 'break' };
        if (s.word === 'continue') return { kind: 'continue' };
        return undefined;
      case 'skip':
        return undefined;
    }
  }

  protected forLoop(s: Extract<Stmt, { k: 'for' }>, scope: Scope): Signal {
    const inner = new Scope(scope);
    if (s.init) this.stmt(s.init, inner);
    for (let n = 0; n < 100_000; n++) {
      if (s.cond) {
        const c = this.single(this.expr(s.cond, inner));
        if (typeof c !== 'boolean') {
          this.warn('a for condition is not known: loop skipped');
          return undefined;
        }
        if (!c) return undefined;
      } else if (!s.cond && !s.init && !s.post) {
        this.warn('an endless for loop: skipped');
        return undefined;
      }
      const signal = this.block(s.body, new Scope(inner));
      if (signal?.kind === 'return') return signal;
      if (signal?.kind === 'break') return undefined;
      if (s.post) this.stmt(s.post, inner);
    }
    throw new Error('for loop ran 100000 times');
  }

  protected rangeLoop(s: Extract<Stmt, { k: 'range' }>, scope: Scope): Signal {
    const over = this.single(this.expr(s.x, scope));
    let pairs: Array<[Value, Value]>;
    if (over instanceof GoSlice) pairs = over.items.map((v, i) => [i, v]);
    else if (over instanceof GoMap) pairs = [...over.entries].map(([k, v]) => [k, v]);
    else if (typeof over === 'number') pairs = Array.from({ length: over }, (_, i) => [i, i]);
    else if (typeof over === 'string') pairs = [...over].map((c, i) => [i, c.codePointAt(0)!]);
    else if (over === undefined || over === null) pairs = [];
    else {
      this.warn(`range over ${describe(over)}: loop skipped`);
      return undefined;
    }
    for (const [k, v] of pairs) {
      const inner = new Scope(scope);
      if (s.define) {
        if (s.key?.k === 'ident') inner.define(s.key.name, k);
        if (s.value?.k === 'ident') inner.define(s.value.name, v);
      } else {
        if (s.key) this.store(s.key, k, scope, false);
        if (s.value) this.store(s.value, v, scope, false);
      }
      const signal = this.block(s.body, inner);
      if (signal?.kind === 'return') return signal;
      if (signal?.kind === 'break') return undefined;
    }
    return undefined;
  }

  protected switchStmt(s: Extract<Stmt, { k: 'switch' }>, scope: Scope): Signal {
    if (s.typeSwitch) {
      this.warn('a type switch: skipped');
      return undefined;
    }
    const inner = new Scope(scope);
    if (s.init) this.stmt(s.init, inner);
    const tag = s.tag ? this.single(this.expr(s.tag, inner)) : true;
    if (isUnknown(tag)) {
      this.warn('a switch on an unknown value: skipped');
      return undefined;
    }
    let matched = s.clauses.find((c) => c.exprs?.some((x) => this.single(this.expr(x, inner)) === tag));
    matched ??= s.clauses.find((c) => !c.exprs);
    if (!matched) return undefined;
    const signal = this.block(matched.body, new Scope(inner));
    return signal?.kind === 'break' ? undefined : signal;
  }

  protected assign(s: Extract<Stmt, { k: 'assign' }>, scope: Scope): void {
    let values: Value[];
    if (s.rhs.length === 1 && s.lhs.length > 1) {
      const rhs = s.rhs[0]!;
      const v = this.expr(rhs, scope);
      if (v instanceof Tuple) values = v.items;
      else if (rhs.k === 'index' || rhs.k === 'assert') values = [v, v !== undefined && !isUnknown(v)]; // comma-ok
      else values = s.lhs.map(() => new Unknown('multiple values from one expression'));
    } else values = s.rhs.map((r) => this.single(this.expr(r, scope)));
    s.lhs.forEach((target, i) => {
      let value = values[i];
      if (s.op !== '=' && s.op !== ':=') {
        const current = this.single(this.expr(target, scope));
        value = arithmetic(s.op.slice(0, -1), current, value);
      }
      this.store(target, value, scope, s.op === ':=');
    });
  }

  protected store(target: Expr, value: Value, scope: Scope, define: boolean): void {
    if (target.k === 'ident') {
      if (target.name === '_') return;
      const slot = define ? undefined : scope.lookup(target.name);
      if (slot) slot.value = value;
      else scope.define(target.name, value);
      return;
    }
    if (target.k === 'index') {
      const container = this.single(this.expr(target.x, scope));
      const k = this.single(this.expr(target.index[0]!, scope));
      if (container instanceof GoMap) container.entries.set(key(k), value);
      else if (container instanceof GoSlice && typeof k === 'number') container.items[k] = value;
      else this.warn(`assignment into ${describe(container)} ignored`);
      return;
    }
    if (target.k === 'sel') {
      const owner = this.single(this.expr(target.x, scope));
      if (owner instanceof GoStruct) owner.fields.set(target.name, value);
      else this.warn(`assignment to field ${target.name} of ${describe(owner)} ignored`);
      return;
    }
    if (target.k === 'unary' && target.op === '*') {
      this.store(target.x, value, scope, false);
      return;
    }
    this.warn(`assignment to ${target.k} ignored`);
  }
}
