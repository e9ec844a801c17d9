/**
 * The performance benchmark (issue 8). Generates its inputs, measures floors (the parsers alone) and the
 * product against them in the same run, prints a table, writes bench/results.json, and exits 1 when a
 * target is missed. `--quick` fits in a minute on a 2-core machine. See bench/README.md.
 *
 * This file is the order of the run; each figure is measured in figures/ (the CLI's in cli.ts), from the
 * inputs of inputs.ts, into the results of results.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureCli } from './cli';
import { measureColdStart } from './figures/coldStart';
import { measureEditLatency } from './figures/edits';
import { measureFloors } from './figures/floors';
import { openCorpusInServers } from './figures/memory';
import { measureRequests } from './figures/requests';
import { measureVsix, packageVsix } from './figures/vsix';
import { checkParsesCleanly, generateInputs, hclParse, Input } from './inputs';
import { dist, quick, root, wanted } from './options';
import { failedMetric, floorMetric, metrics, phase, phases, table, targetMetric } from './results';
import { median, timeRuns } from './statistics';
import { initParser } from '../server/src/model/parser';

const started = performance.now();

async function main(): Promise<number> {
  process.stderr.write(`[bench] ${quick ? 'quick' : 'full'} run on ${os.availableParallelism()} CPUs, Node ${process.version}\n`);
  const packaged = wanted('vsix') || !fs.existsSync(path.join(dist, 'server.js'))
    ? await phase('build and package (npm run package)', async () => packageVsix())
    : undefined;
  if (packaged?.ok && !packaged.value.ok) process.stderr.write(`[bench] packaging failed:\n${packaged.value.output.slice(-3000)}\n`);
  await initParser();
  const generated = await phase('generate inputs', async () => generateInputs());
  if (!generated.ok) return 2;
  const { templates, corpus, corpusDir } = generated.value;
  const checked = await phase('check that the inputs parse cleanly', async () => {
    // The generator is deterministic: the full run checks every big input; --quick a sample.
    await checkParsesCleanly(quick ? templates.filter((t) => t.id === '400') : templates);
    await checkParsesCleanly(corpus.filter((_, i) => i % (quick ? 40 : 10) === 0));
    return true;
  });
  if (!checked.ok) return 2;
  await phase('floors', () => measureFloors(templates));
  const t4k = templates.find((t) => t.id === '4k') as Input;
  const t400 = templates.find((t) => t.id === '400') as Input;
  // Memory: the corpus is opened in two servers first, with nothing else running; they then idle until
  // their steady state. The full run waits for it alone; --quick measures the edits (one core) meanwhile.
  const servers = wanted('memory') ? await phase('memory: open the corpus in two servers', () => openCorpusInServers(corpus)) : undefined;
  if (servers && !servers.ok) failedMetric('server RSS after opening the corpus', 'MiB', '≤ 150 MiB', 'see the log');
  const steadyState = async () => {
    if (servers?.ok && !(await phase('memory: steady state', () => servers.value.finish())).ok) failedMetric('server RSS after opening the corpus', 'MiB', '≤ 150 MiB', 'see the log');
  };
  if (!quick) await steadyState();
  if (wanted('edit') && !(await phase('edit → diagnostics', () => measureEditLatency(templates))).ok) {
    for (const id of ['4k', '12k']) if (!metrics.some((m) => m.name.startsWith(`edit → diagnostics p95, ${id}`))) failedMetric(`edit → diagnostics p95, ${id}`, 'ms', `1.0 × tree-sitter full parse (${id})`, 'see the log');
  }
  if (quick) await steadyState();
  if (wanted('requests') && !(await phase('completion and hover', () => measureRequests(t4k))).ok) {
    for (const k of ['completion', 'hover']) if (!metrics.some((m) => m.name.startsWith(`${k} p95`))) failedMetric(`${k} p95, 4k`, 'ms', '0.25 × tree-sitter full parse (4k)', 'see the log');
  }
  if (wanted('cold') && !(await phase('cold start', () => measureColdStart(t400))).ok) failedMetric('cold start → first diagnostics, 400', 'ms', '≤ 600 ms', 'see the log');
  const cliJs = path.join(dist, 'cli.js');
  if (wanted('cli') && !(await phase('CLI', () => measureCli({ quick, root, cliJs, corpus, corpusDir, hclParse, timeRuns, median, floorMetric, targetMetric }))).ok) {
    for (const [name, unit, rule] of [
      ['repository lint, corpus', 'ms', '1.25 × max(H, (H + T) / 2)'],
      ['peak memory of that lint', 'MiB', '≤ 200 MiB'],
      ['second lint with --cache', 'ms', '0.2 × the first run with --cache'],
      ['one template, coder-dind lint', 'ms', '1.3 × bare one-file hcl2json parse'],
    ]) {
      if (!metrics.some((m) => m.name.startsWith(name))) failedMetric(name, unit, rule, 'see the log');
    }
  }
  if (wanted('vsix') && !(await phase('VSIX size', async () => measureVsix())).ok) failedMetric('VSIX size', 'MiB', '≤ 5 MiB', 'see the log');

  const seconds = (performance.now() - started) / 1000;
  console.log(`\ncoder-dind benchmark (${quick ? '--quick' : 'full'}), ${new Date().toISOString()}, ${os.availableParallelism()} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${seconds.toFixed(1)} s\n`);
  console.log(table());
  for (const m of metrics) if (m.note) console.log(`  · ${m.name}: ${m.note}`);
  console.log(`\nphases: ${phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join('; ')}`);
  fs.writeFileSync(
    path.join(root, 'bench', 'results.json'),
    JSON.stringify({ mode: quick ? 'quick' : 'full', date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), seconds, metrics, phases }, null, 2) + '\n',
  );
  const failed = metrics.filter((m) => m.pass === false);
  console.log(failed.length ? `\n${failed.length} target(s) missed: ${failed.map((m) => m.name).join('; ')}` : '\nall targets met');
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[bench] internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);
