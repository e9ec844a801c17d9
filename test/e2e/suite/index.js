// Entry point for the extension-host tests (VS Code's `extensionTestsPath`). Runs every *.test.js in this
// folder with mocha inside the extension host, under code-server (npm run e2e) or a desktop VS Code
// started by @vscode/test-electron (npm run test:vscode).
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = async function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const summary = { files, passes: [], failures: [], pending: [] };
  const failures = await new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      runner.on('pass', (test) => summary.passes.push(test.fullTitle()));
      runner.on('fail', (test, error) =>
        summary.failures.push({ title: test.fullTitle(), error: String(error && (error.stack || error.message || error)) }),
      );
      runner.on('pending', (test) => summary.pending.push(test.fullTitle()));
    } catch (error) {
      reject(error);
    }
  });

  const line = `[coder-dind e2e] ${summary.passes.length} passing, ${summary.failures.length} failing, ${summary.pending.length} pending`;
  console.log(line);
  if (process.env.CODER_DIND_E2E_RESULTS) {
    fs.mkdirSync(path.dirname(process.env.CODER_DIND_E2E_RESULTS), { recursive: true });
    fs.writeFileSync(process.env.CODER_DIND_E2E_RESULTS, JSON.stringify(summary, null, 2));
  }
  // A skipped test must not pass as a green run.
  if (failures > 0 || summary.pending.length > 0 || summary.passes.length === 0) throw new Error(line);
};
