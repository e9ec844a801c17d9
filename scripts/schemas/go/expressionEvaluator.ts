/** The Go evaluator's expressions (see evaluator.ts); calls and other packages' names are the next layer's. */
import type { Element, Expr, TypeExpr } from './ast';
import { PackageState } from './packageState';
import { arithmetic, describe, key, typeName } from './valueOperations';
import { GoFunction, GoMap, GoSlice, GoStruct, GoSymbol, Scope, Unknown, Value } from './values';

export abstract class ExpressionEvaluator extends PackageState {
  protected abstract callExpr(e: Extract<Expr, { k: 'call' }>, scope: Scope): Value;
  protected abstract external(alias: string, name: string, scope: Scope): Value | undefined;

  protected expr(e: Expr, scope: Scope, hint?: TypeExpr): Value {
    switch (e.k) {
      case 'string':
        return e.value;
      case 'int':
      case 'float':
      case 'rune':
        return e.value;
      case 'ident':
        return this.identifier(e.name, scope);
      case 'sel': {
        if (e.x.k === 'ident') {
          const external = this.external(e.x.name, e.name, scope);
          if (external !== undefined) return external;
        }
        const owner = this.single(this.expr(e.x, scope));
        if (owner instanceof GoStruct) return owner.fields.get(e.name);
        if (owner instanceof GoSymbol) return new GoSymbol(`${owner.name}.${e.name}`);
        return new Unknown(`field ${e.name} of ${describe(owner)}`);
      }
      case 'index': {
        const container = this.single(this.expr(e.x, scope));
        if (container instanceof GoFunction) return container; // an instantiated generic function
        const k = this.single(this.expr(e.index[0]!, scope));
        if (container instanceof GoMap) return container.entries.get(key(k));
        if (container instanceof GoSlice && typeof k === 'number') return container.items[k];
        if (typeof container === 'string' && typeof k === 'number') return container.charCodeAt(k);
        return new Unknown(`index of ${describe(container)}`);
      }
      case 'slice': {
        const container = this.single(this.expr(e.x, scope));
        const lo = e.lo ? this.single(this.expr(e.lo, scope)) : 0;
        const hi = e.hi ? this.single(this.expr(e.hi, scope)) : undefined;
        if (typeof lo !== 'number' || (hi !== undefined && typeof hi !== 'number')) return new Unknown('slice bounds');
        if (container instanceof GoSlice) return new GoSlice(container.items.slice(lo, hi as number | undefined));
        if (typeof container === 'string') return container.slice(lo, hi as number | undefined);
        return new Unknown('slice of an unknown value');
      }
      case 'assert':
        return this.single(this.expr(e.x, scope));
      case 'call':
        return this.callExpr(e, scope);
      case 'unary': {
        const x = this.single(this.expr(e.x, scope));
        switch (e.op) {
          case '&':
          case '*':
          case '+':
            return x;
          case '!':
            return typeof x === 'boolean' ? !x : new Unknown('! of an unknown value');
          case '-':
            return typeof x === 'number' ? -x : new Unknown('- of an unknown value');
          case '^':
            return typeof x === 'number' ? ~x : new Unknown('^ of an unknown value');
          default:
            return new Unknown(`unary ${e.op}`);
        }
      }
      case 'binary':
        return this.binary(e, scope);
      case 'composite':
        return this.composite(e.type ?? hint, e.elts, scope);
      case 'func':
        return new GoFunction('func literal', e.params, e.results, e.body, scope, e, this.files[this.files.length - 1]);
      case 'type':
        return new Unknown('a type used as a value');
    }
  }

  protected identifier(name: string, scope: Scope): Value {
    const local = scope.lookup(name);
    if (local) return local.value;
    switch (name) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'nil':
        return undefined;
    }
    if (this.cache.has(name)) return this.cache.get(name);
    const spec = this.specs.get(name);
    if (spec) {
      const specScope = new Scope(this.global);
      specScope.define('iota', spec.iota);
      this.files.push(spec.file.path);
      try {
        const value = spec.value ? this.single(this.expr(spec.value, specScope)) : undefined;
        this.cache.set(name, value);
        return value;
      } finally {
        this.files.pop();
      }
    }
    const decl = this.funcs.get(name);
    if (decl) return this.declared(decl);
    return new Unknown(`identifier ${name}`);
  }

  protected binary(e: Extract<Expr, { k: 'binary' }>, scope: Scope): Value {
    const x = this.single(this.expr(e.x, scope));
    if (e.op === '&&' || e.op === '||') {
      if (typeof x !== 'boolean') return new Unknown(`${e.op} of an unknown value`);
      if (e.op === '&&' ? !x : x) return x;
      const y = this.single(this.expr(e.y, scope));
      return typeof y === 'boolean' ? y : new Unknown(`${e.op} of an unknown value`);
    }
    const y = this.single(this.expr(e.y, scope));
    return arithmetic(e.op, x, y);
  }

  protected composite(type: TypeExpr | undefined, elts: readonly Element[], scope: Scope): Value {
    const t = type?.k === 'ptr' ? type.elem : type;
    const elemType = t?.k === 'map' || t?.k === 'slice' || t?.k === 'array' ? t.elem : undefined;
    const value = (el: Element) => this.single(this.expr(el.value, scope, elemType));
    if (t?.k === 'map' || (!t && elts.some((el) => el.key && el.key.k !== 'ident'))) {
      const m = new GoMap();
      for (const el of elts) m.entries.set(key(this.single(this.expr(el.key!, scope, t?.k === 'map' ? t.key : undefined))), value(el));
      return m;
    }
    if (t?.k === 'slice' || t?.k === 'array' || (!t && elts.every((el) => !el.key) && elts.length > 0)) {
      return new GoSlice(elts.map(value));
    }
    const s = new GoStruct(t ? typeName(t) : '?');
    elts.forEach((el, i) => {
      if (el.key?.k === 'ident') s.fields.set(el.key.name, value(el));
      else s.fields.set(`#${i}`, value(el));
    });
    return s;
  }
}
