/**
 * Terraform version constraints (`=`, `!=`, `>`, `>=`, `<`, `<=`, `~>`, comma lists) as a set of
 * intervals, so that questions such as "does it admit 2.x?" are answered exactly.
 */

export type Version = [number, number, number];

interface Bound {
  v: Version;
  inclusive: boolean;
}

interface Interval {
  lo?: Bound; // undefined: unbounded
  hi?: Bound;
}

export interface Constraint {
  intervals: Interval[];
}

export function parseVersion(text: string): { version: Version; parts: number } | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { version: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], parts };
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

const ALL: Interval = {};

/** Parses a constraint string; an empty or absent one admits every version; undefined when malformed. */
export function parseConstraint(text: string | undefined): Constraint | undefined {
  let intervals: Interval[] = [ALL];
  if (text === undefined || text.trim() === '') return { intervals };
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const m = /^(~>|>=|<=|!=|=|>|<)?\s*(.+)$/.exec(part);
    if (!m) return undefined;
    const op = m[1] ?? '=';
    const parsed = parseVersion(m[2]);
    if (!parsed) return undefined;
    const { version: v, parts } = parsed;
    let allowed: Interval[];
    switch (op) {
      case '=':
        allowed = [{ lo: { v, inclusive: true }, hi: { v, inclusive: true } }];
        break;
      case '!=':
        allowed = [{ hi: { v, inclusive: false } }, { lo: { v, inclusive: false } }];
        break;
      case '>':
        allowed = [{ lo: { v, inclusive: false } }];
        break;
      case '>=':
        allowed = [{ lo: { v, inclusive: true } }];
        break;
      case '<':
        allowed = [{ hi: { v, inclusive: false } }];
        break;
      case '<=':
        allowed = [{ hi: { v, inclusive: true } }];
        break;
      case '~>': {
        // The rightmost given part may grow: ~> 2.16 → [2.16, 3.0); ~> 2.16.0 → [2.16.0, 2.17.0); ~> 2 → [2, 3).
        const upper: Version = parts >= 3 ? [v[0], v[1] + 1, 0] : [v[0] + 1, 0, 0];
        allowed = [{ lo: { v, inclusive: true }, hi: { v: upper, inclusive: false } }];
        break;
      }
      default:
        return undefined;
    }
    intervals = intersectAll(intervals, allowed);
  }
  return { intervals };
}

function maxLo(a?: Bound, b?: Bound): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  const c = compareVersions(a.v, b.v);
  if (c !== 0) return c > 0 ? a : b;
  return { v: a.v, inclusive: a.inclusive && b.inclusive };
}

function minHi(a?: Bound, b?: Bound): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  const c = compareVersions(a.v, b.v);
  if (c !== 0) return c < 0 ? a : b;
  return { v: a.v, inclusive: a.inclusive && b.inclusive };
}

function isEmpty(i: Interval): boolean {
  if (!i.lo || !i.hi) return false;
  const c = compareVersions(i.lo.v, i.hi.v);
  return c > 0 || (c === 0 && !(i.lo.inclusive && i.hi.inclusive));
}

function intersectAll(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const i = { lo: maxLo(x.lo, y.lo), hi: minHi(x.hi, y.hi) };
      if (!isEmpty(i)) out.push(i);
    }
  }
  return out;
}

/** True when some version of the given major satisfies the constraint. */
export function admitsMajor(constraint: Constraint, major: number): boolean {
  const range: Interval = { lo: { v: [major, 0, 0], inclusive: true }, hi: { v: [major + 1, 0, 0], inclusive: false } };
  return intersectAll(constraint.intervals, [range]).length > 0;
}

/** True when the constraint admits some version at all but none at or above `version`. */
export function admitsOnlyBelow(constraint: Constraint, version: Version): boolean {
  if (!constraint.intervals.length) return false;
  return intersectAll(constraint.intervals, [{ lo: { v: version, inclusive: true } }]).length === 0;
}

/** True when some version at or above `version` satisfies the constraint. */
export function admitsAtLeast(constraint: Constraint, version: Version): boolean {
  return intersectAll(constraint.intervals, [{ lo: { v: version, inclusive: true } }]).length > 0;
}

/** True when the constraint admits exactly this version. */
export function admits(constraint: Constraint, version: Version): boolean {
  return intersectAll(constraint.intervals, [{ lo: { v: version, inclusive: true }, hi: { v: version, inclusive: true } }]).length > 0;
}
