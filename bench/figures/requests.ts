/** The request figures: completion and hover where an author asks for them, against a full parse. */
import { Input } from '../inputs';
import { Session, withTimeout } from '../lsp';
import { failedMetric, metrics, targetMetric } from '../results';
import { percentile } from '../statistics';
import { tsFloor } from './floors';

interface Pos {
  line: number;
  character: number;
}

/** Where an author asks for completion: after a `.` of a reference, and at the start of an attribute name. */
function completionPositions(text: string, count: number): Pos[] {
  const lines = text.split('\n');
  const afterDot: Pos[] = [];
  const attributeStart: Pos[] = [];
  lines.forEach((l, line) => {
    const m = /(data\.coder_workspace_owner\.me\.|data\.coder_workspace\.me\.|coder_agent\.[a-z0-9_]+\.)/.exec(l);
    if (m) afterDot.push({ line, character: m.index + m[0].length });
    const a = /^(\s+)[a-z_]+\s+=/.exec(l);
    if (a) attributeStart.push({ line, character: a[1].length });
  });
  return spread(afterDot, Math.ceil(count / 2)).concat(spread(attributeStart, Math.floor(count / 2)));
}

/** What an author hovers: attribute names, block types and labels, and references. */
function hoverPositions(text: string, count: number): Pos[] {
  const lines = text.split('\n');
  const attributes: Pos[] = [];
  const labels: Pos[] = [];
  const references: Pos[] = [];
  lines.forEach((l, line) => {
    const a = /^(\s+)[a-z_]+\s+=/.exec(l);
    if (a) attributes.push({ line, character: a[1].length + 1 });
    const b = /^(resource|data) "/.exec(l);
    if (b) labels.push({ line, character: b[0].length + 2 });
    const r = /(data\.coder_workspace_owner\.me\.|coder_agent\.[a-z0-9_]+\.)([a-z_]+)/.exec(l);
    if (r) references.push({ line, character: r.index + r[1].length + 1 });
  });
  return spread(attributes, Math.ceil(count / 3)).concat(spread(labels, Math.ceil(count / 3)), spread(references, Math.floor(count / 3)));
}

function spread<T>(items: T[], count: number): T[] {
  if (!items.length) return [];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count) % items.length]);
}

export async function measureRequests(t: Input): Promise<void> {
  const session = Session.inProcess();
  const floor = tsFloor.get(t.id) as number;
  const target = 0.25 * floor;
  try {
    await session.initialize({ debounceMs: 0, syntaxDebounceMs: 3_600_000 });
    const opened = session.waitForDiagnostics(t.uri);
    await session.open(t.uri, t.text);
    await withTimeout(opened, 30000, 'diagnostics of the opened template');
    const kinds: Array<{ method: string; capability: unknown; positions: Pos[]; label: string }> = [
      { method: 'textDocument/completion', capability: session.capabilities?.completionProvider, positions: completionPositions(t.text, 200), label: 'completion' },
      { method: 'textDocument/hover', capability: session.capabilities?.hoverProvider, positions: hoverPositions(t.text, 200), label: 'hover' },
    ];
    for (const kind of kinds) {
      const name = `${kind.label} p95, ${t.id}`;
      const targetRule = `0.25 × tree-sitter full parse (${t.id})`;
      if (!kind.capability) {
        failedMetric(name, 'ms', targetRule, `the server does not offer ${kind.method}`);
        continue;
      }
      const times: number[] = [];
      let empty = 0;
      for (const position of [...kind.positions.slice(0, 5), ...kind.positions]) {
        const t0 = performance.now();
        const result = await session.connection.sendRequest(kind.method, { textDocument: { uri: t.uri }, position });
        times.push(performance.now() - t0);
        if (result === null || (Array.isArray(result) && !result.length) || (typeof result === 'object' && 'items' in (result as object) && !(result as { items: unknown[] }).items.length)) empty++;
      }
      const measured = times.slice(5); // the first five warm the handlers up
      metrics.push({ name: `${kind.label} p50, ${t.id} (${measured.length} requests)`, value: percentile(measured, 50), unit: 'ms', target: null, pass: null, note: `${empty} empty answers` });
      targetMetric({ name, value: percentile(measured, 95), unit: 'ms', target, comparison: '<=', targetRule, floor, floorName: `tree-sitter full parse, ${t.id}` });
    }
  } finally {
    await session.close();
  }
}
