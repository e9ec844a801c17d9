// The lint step of the GitHub Action (action.yml): runs coder-dind lint on the paths, writes the SARIF
// report, prints the findings to the log, and tells the next steps (through $GITHUB_OUTPUT) whether the
// findings reach the severity that fails the job. It exits non-zero only when the lint could not run
// (a usage, read or write error), so that the SARIF upload still happens on findings.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const cli = process.env.CODER_DIND_CLI || join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

const paths = (process.env.INPUT_PATHS || '.').split(/\s+/).filter(Boolean);
const severity = (process.env.INPUT_SEVERITY || 'error').trim();
const fix = (process.env.INPUT_FIX || 'false').trim() === 'true';
const sarifFile = (process.env.INPUT_SARIF_FILE || 'coder-dind.sarif').trim();

if (![...SEVERITIES, 'never'].includes(severity)) {
  console.log(`::error::severity must be one of ${[...SEVERITIES, 'never'].join(', ')}, not "${severity}"`);
  process.exit(2);
}

// The first run lints (and fixes); the others read its results from the cache.
const cache = ['--cache-location', join(process.env.RUNNER_TEMP || tmpdir(), 'coder-dind-cache')];
// `--` before the paths: a path may start with a dash.
const lint = (args, stdio) => spawnSync(process.execPath, [cli, 'lint', ...args, '--', ...paths], { stdio, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

const sarif = lint(['--format', 'sarif', '--output-file', sarifFile, ...cache, ...(fix ? ['--fix'] : [])], ['ignore', 'inherit', 'inherit']);
if (sarif.status !== 0 && sarif.status !== 1) process.exit(sarif.status ?? 2);
output('sarif-file', sarifFile);

const json = lint(['--format', 'json', ...cache], ['ignore', 'pipe', 'inherit']);
if (json.status !== 0 && json.status !== 1) process.exit(json.status ?? 2);
const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
for (const r of JSON.parse(json.stdout).results) for (const d of r.diagnostics) counts[d.severity]++;

lint([...cache], ['ignore', 'inherit', 'inherit']); // the findings, readable, in the log

const failing = severity === 'never' ? [] : SEVERITIES.slice(0, SEVERITIES.indexOf(severity) + 1);
const summary = SEVERITIES.map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}`).join(', ');
output('errors', String(counts.error));
output('warnings', String(counts.warning));
output('summary', summary);
output('failed', String(failing.some((s) => counts[s] > 0)));
console.log(`coder-dind: ${summary}; SARIF report in ${sarifFile}`);

function output(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}
