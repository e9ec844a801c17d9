import type { Fix } from './types';
import { applyTextEdits, comparePositions, rangesOverlap, TextEdit } from '../model/text';

/**
 * Chooses fixes that can be applied together: no two touch overlapping ranges of the same file.
 * Identical edits (two findings inserting the same declaration at the same place) count once.
 */
export function compatibleFixes(fixes: Fix[]): Fix[] {
  const taken = new Map<string, TextEdit[]>();
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    const clash = Object.entries(fix.edits).some(([p, edits]) =>
      edits.some((e) => (taken.get(p) ?? []).some((t) => !sameEdit(t, e) && rangesOverlap(t.range, e.range))),
    );
    if (clash) continue;
    chosen.push(fix);
    for (const [p, edits] of Object.entries(fix.edits)) taken.set(p, [...(taken.get(p) ?? []), ...edits]);
  }
  return chosen;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0;
}

/** Applies fixes to texts by path; returns the new texts of the files they change. */
export function applyFixes(texts: Map<string, string>, fixes: Fix[]): Map<string, string> {
  const byFile = new Map<string, TextEdit[]>();
  for (const fix of fixes) {
    for (const [p, edits] of Object.entries(fix.edits)) {
      const list = byFile.get(p) ?? [];
      for (const e of edits) if (!list.some((x) => sameEdit(x, e))) list.push(e);
      byFile.set(p, list);
    }
  }
  const out = new Map<string, string>();
  for (const [p, edits] of byFile) {
    const text = texts.get(p);
    if (text === undefined) continue;
    out.set(p, applyTextEdits(text, edits));
  }
  return out;
}
