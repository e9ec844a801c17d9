/** The benchmark's results: the metrics and phases of one run, how a phase runs, and the printed table. */

export interface Metric {
  name: string;
  value: number | null;
  unit: string;
  /** The threshold, in the metric's unit; null for a floor (measured only). */
  target: number | null;
  /** `<=` or `>=`: how value compares with target to pass. */
  comparison?: '<=' | '>=';
  /** How the target is derived, e.g. "1.0 × tree-sitter full parse (4k)". */
  targetRule?: string;
  floor?: number;
  floorName?: string;
  pass: boolean | null;
  note?: string;
}

export const metrics: Metric[] = [];
export const phases: Array<{ phase: string; seconds: number }> = [];

export function floorMetric(name: string, value: number, unit: string, note?: string): number {
  metrics.push({ name, value, unit, target: null, pass: null, note });
  return value;
}

export function targetMetric(m: Omit<Metric, 'pass'>): void {
  let pass: boolean = false;
  if (m.value !== null && m.target !== null && Number.isFinite(m.value)) {
    pass = m.comparison === '>=' ? m.value >= m.target : m.value <= m.target;
  }
  metrics.push({ ...m, pass });
}

export function failedMetric(name: string, unit: string, targetRule: string, error: unknown): void {
  metrics.push({ name, value: null, unit, target: null, targetRule, pass: false, note: `not measured: ${error instanceof Error ? error.message : String(error)}` });
}

/** Runs one phase; a failure is logged and returns `{ ok: false }` so the other phases still run. */
export async function phase<T>(title: string, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  const t0 = performance.now();
  process.stderr.write(`[bench] ${title}…\n`);
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    process.stderr.write(`[bench] ${title} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return { ok: false };
  } finally {
    const seconds = (performance.now() - t0) / 1000;
    phases.push({ phase: title, seconds });
    process.stderr.write(`[bench] ${title}: ${seconds.toFixed(1)} s\n`);
  }
}

export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function table(): string {
  const rows = [
    ['metric', 'value', 'unit', 'floor', 'target', 'pass'],
    ...metrics.map((m) => [
      m.name,
      fmt(m.value),
      m.unit,
      m.floor !== undefined ? fmt(m.floor) : '—',
      m.target !== null ? `${m.comparison === '>=' ? '≥' : '≤'} ${fmt(m.target)}${m.targetRule && m.targetRule !== 'absolute' ? ` (${m.targetRule})` : ''}` : m.targetRule ? `(${m.targetRule})` : '—',
      m.pass === null ? 'floor' : m.pass ? 'PASS' : 'FAIL',
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
