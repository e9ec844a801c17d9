/** The memory figures: the bundled server's RSS with the whole corpus open, in its steady state. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Input } from '../inputs';
import { Session, withTimeout } from '../lsp';
import { dist } from '../options';
import { metrics, targetMetric } from '../results';

/**
 * VmRSS and VmHWM of a process, plus the VmRSS of its child processes (the server's hcl-syntax worker
 * while it runs; `children` counts them).
 */
function rssKiB(pid: number): { rss: number; hwm: number; children: number } {
  const read = (p: number) => {
    const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  };
  const own = read(pid);
  let rss = own.rss;
  let children = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === pid) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== pid) continue;
      rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      children++;
    } catch {
      // the process ended meanwhile
    }
  }
  return { rss, hwm: own.hwm, children };
}

/**
 * Two bundled servers with the client's settings (hcl-syntax runs too, after its debounce): one opens the
 * first template of the corpus, the other all of them. `finish()` reads both in the steady state, at
 * least STEADY_STATE_MS after the last diagnostics: the server ends its hcl-syntax worker (a Go runtime)
 * after ten idle seconds (server/src/server.ts), and V8 gives back its idle heap about as late. The
 * servers idle meanwhile, so `--quick` runs the edit phase (one core) during that wait.
 */
export async function openCorpusInServers(corpus: Input[]): Promise<{ finish: () => Promise<void> }> {
  const serverJs = path.join(dist, 'server.js');
  if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: the build failed`);
  const one = Session.spawnBundled(serverJs);
  const all = Session.spawnBundled(serverJs);
  const pidOf = (s: Session) => s.child?.pid as number;
  const close = () => Promise.all([one.close(), all.close()]);
  try {
    await Promise.all([one, all].map((s) => withTimeout(s.initialize({}), 10000, 'initialize')));
    const afterInit = rssKiB(pidOf(all)).rss;
    // Each document is published twice: the tree-sitter rules at once, hcl-syntax after its debounce.
    const settled = (s: Session, t: Input) => s.waitForDiagnostics(t.uri, () => (s.counts.get(t.uri) ?? 0) >= 2);
    const first = settled(one, corpus[0]);
    await one.open(corpus[0].uri, corpus[0].text);
    const every = Promise.all(corpus.map((t) => settled(all, t)));
    for (const t of corpus) await all.open(t.uri, t.text);
    await withTimeout(Promise.all([first, every]), 120000, 'diagnostics of the whole corpus');
    const loaded = performance.now();
    const justAfter = rssKiB(pidOf(all));
    metrics.push({ name: `server RSS right after the last diagnostics, ${corpus.length} templates`, value: justAfter.rss / 1024, unit: 'MiB', target: null, pass: null, note: `with its ${justAfter.children} child process(es): the hcl-syntax worker (Go runtime) still running` });
    const finish = async () => {
      try {
        await sleep(STEADY_STATE_MS - (performance.now() - loaded));
        const idle = (performance.now() - loaded) / 1000;
        const baseline = rssKiB(pidOf(one)).rss;
        const { rss, hwm, children } = rssKiB(pidOf(all));
        const others = corpus.length - 1;
        targetMetric({
          name: `server RSS after opening ${corpus.length} templates`,
          value: rss / 1024,
          unit: 'MiB',
          target: 150,
          comparison: '<=',
          targetRule: 'absolute',
          note: `VmRSS of the bundled server ${idle.toFixed(1)} s after the last diagnostics (steady state), with ${children} child process(es); after initialize ${(afterInit / 1024).toFixed(1)} MiB, peak ${(hwm / 1024).toFixed(1)} MiB; a second server with only the first template open: ${(baseline / 1024).toFixed(1)} MiB`,
        });
        targetMetric({
          name: 'server RSS per template',
          value: (rss - baseline) / others,
          unit: 'KiB',
          target: 300,
          comparison: '<=',
          targetRule: 'absolute',
          note: `(RSS with all ${corpus.length} − RSS with the first only) / ${others}, both in the steady state`,
        });
      } finally {
        await close();
      }
    };
    return { finish };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Past the hcl-syntax worker's ten idle seconds, and V8's return of idle heap (seen at 8–10 s). */
const STEADY_STATE_MS = 11_500;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
