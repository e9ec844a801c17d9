/** The edit figure: single-character edits → diagnostics, each against a full parse of its text. */
import { Input } from '../inputs';
import { Session, withTimeout } from '../lsp';
import { quick } from '../options';
import { fmt, metrics, targetMetric } from '../results';
import { median, percentile, timeRuns } from '../statistics';
import { parseText } from '../../server/src/model/parser';
import { tsFloor } from './floors';

/**
 * Single-character edits spread over the file: insert a character (mid-line), then delete it again. The
 * floor of each edit is a full tree-sitter parse of the text after it ("the same text"): for a deletion
 * that is the original text; for an insertion, the edited text, parsed right after the edit. Typing `x`
 * before a lone `}` makes a broken text whose parse (error recovery) costs several clean parses, so the
 * floor has to follow the text.
 *
 * The full run parses every insertion's text, and the original text after every tenth edit. `--quick`
 * parses every fifth insertion's text (20 of 100) and takes the original text's floor from the floors
 * phase (a median of 20): the parses of big broken texts were most of its time.
 */
async function measureEdits(session: Session, t: Input, pairs: number): Promise<{ times: number[]; floors: number[]; ratios: number[]; clean: number[]; sampled: number }> {
  const lines = t.text.split('\n');
  let version = 1;
  const opened = session.waitForDiagnostics(t.uri, (p) => p.version === version);
  await session.open(t.uri, t.text, version);
  await withTimeout(opened, 60000, `first diagnostics of ${t.id}`);
  const times: number[] = [];
  const edit = async (change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }) => {
    const v = ++version;
    const published = session.waitForDiagnostics(t.uri, (p) => p.version === v);
    const t0 = performance.now();
    await session.change(t.uri, v, [change]);
    await withTimeout(published, 60000, `diagnostics after edit ${v} of ${t.id}`);
    times.push(performance.now() - t0);
  };
  const sampleEvery = quick ? 5 : 1;
  const clean: number[] = [];
  const insertFloors = new Map<number, number>();
  for (let k = 0; k < pairs; k++) {
    const line = Math.min(lines.length - 1, Math.floor(((k + 0.5) * lines.length) / pairs));
    const character = Math.floor(lines[line].length / 2);
    await edit({ range: { start: { line, character }, end: { line, character } }, text: 'x' });
    if (k % sampleEvery === 0) {
      const edited = lines.slice();
      edited[line] = edited[line].slice(0, character) + 'x' + edited[line].slice(character);
      const editedText = edited.join('\n');
      insertFloors.set(k, (await timeRuns(1, 0, () => parseText(editedText).delete()))[0]);
    }
    await edit({ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' });
    if (!quick && k % 5 === 4) clean.push(...(await timeRuns(1, 0, () => parseText(t.text).delete())));
  }
  const cleanFloor = quick ? (tsFloor.get(t.id) as number) : median(clean);
  // times[2k] is the insertion of pair k, times[2k + 1] the deletion that restores the original text.
  // The floors and ratios cover the pairs whose insertion text was parsed: half broken texts, half clean.
  const floors: number[] = [];
  const ratios: number[] = [];
  for (const [k, floor] of insertFloors) {
    floors.push(floor, cleanFloor);
    ratios.push(times[2 * k] / floor, times[2 * k + 1] / cleanFloor);
  }
  return { times, floors, ratios, clean, sampled: insertFloors.size };
}

export async function measureEditLatency(templates: Input[]): Promise<void> {
  const session = Session.inProcess();
  try {
    // debounce 0: diagnostics follow each edit at once; hcl-syntax far off the path (an hour away).
    await session.initialize({ debounceMs: 0, syntaxDebounceMs: 3_600_000 });
    for (const t of templates.filter((x) => x.id !== '400')) {
      const pairs = quick ? 100 : 150;
      const { times, floors, ratios, clean, sampled } = await measureEdits(session, t, pairs);
      const floor = percentile(floors, 95);
      if (clean.length) metrics.push({ name: `floor: tree-sitter full parse of the clean text between the edits, ${t.id}`, value: median(clean), unit: 'ms', target: null, pass: null, note: `median of ${clean.length}, one after every 10 edits` });
      metrics.push({ name: `floor: tree-sitter full parse of each edit's text, ${t.id}, p95`, value: floor, unit: 'ms', target: null, pass: null, note: `p50 ${fmt(percentile(floors, 50))} ms; ${sampled} insertions' texts parsed once each, and as many deletions whose text is the clean one (${clean.length ? 'median of the parses between the edits' : 'the floors phase\'s median'})` });
      metrics.push({ name: `edit → diagnostics p50, ${t.id} (${times.length} edits)`, value: percentile(times, 50), unit: 'ms', target: null, pass: null, note: `in-process server, debounce 0; per-edit latency ÷ its text's full parse (${ratios.length} edits): p50 ${fmt(percentile(ratios, 50))}, p95 ${fmt(percentile(ratios, 95))}` });
      targetMetric({
        name: `edit → diagnostics p95, ${t.id} (${times.length} edits)`,
        value: percentile(times, 95),
        unit: 'ms',
        target: floor,
        comparison: '<=',
        targetRule: `1.0 × p95 full parse of the same texts (${t.id})`,
        floor,
        floorName: `tree-sitter full parse of each edit's text, ${t.id}, p95`,
      });
    }
  } finally {
    await session.close();
  }
}
