// npm run screenshots: regenerates the README's and the walkthrough's pictures in docs/images/ from the
// UI tests' screenshots.
// It runs the UI tests (the enabled ones; pass --all to try every test) and copies the pictures of the
// tests that passed. Pictures of features whose tests are not enabled or failed are listed, not copied.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = dirname(dirname(new URL(import.meta.url).pathname));
const shots = join(root, 'test-results', 'screenshots');
const images = join(root, 'docs', 'images');

/** README picture ← the UI test that takes it, and the screenshot's name. */
const PICTURES = [
  { image: 'diagnostics-quick-fix.png', test: 'quick-fix', shot: 'quick-fix-menu' },
  { image: 'problems-panel.png', test: 'problems-panel', shot: 'problems-panel' },
  { image: 'completion.png', test: 'completion', shot: 'completion' },
  { image: 'hover.png', test: 'hover', shot: 'hover' },
  { image: 'scaffold-quick-pick.png', test: 'scaffold', shot: 'scaffold-quick-pick' },
  { image: 'publish-progress.png', test: 'publish', shot: 'publish-progress' },
  { image: 'language-status.png', test: 'language-status', shot: 'language-status-hover' },
  { image: 'walkthrough.png', test: 'walkthrough', shot: 'walkthrough-steps' },
  { image: 'preview-envbox.png', test: 'preview-envbox', shot: 'preview-envbox-form' },
  { image: 'preview-validation.png', test: 'preview-envbox', shot: 'preview-validation' },
  { image: 'preview-privileged-sidecar-docker.png', test: 'preview-privileged-sidecar-docker', shot: 'preview-sidecar-workspace' },
  // The walkthrough's own pictures (package.json, contributes.walkthroughs): the part of the window
  // each step is about, so that it can be read at the walkthrough's size.
  { image: 'walkthrough-scaffold.png', test: 'scaffold', shot: 'walkthrough-scaffold' },
  { image: 'walkthrough-fix.png', test: 'quick-fix', shot: 'walkthrough-fix' },
  { image: 'walkthrough-ci.png', test: 'ci-workflow', shot: 'walkthrough-ci' },
  { image: 'walkthrough-push.png', test: 'publish', shot: 'walkthrough-push' },
];

const started = Date.now();
const pkg = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, stdio: 'inherit' });
if (pkg.status !== 0) process.exit(1);
const ui = spawnSync(process.execPath, [join(root, 'test', 'e2e', 'run-ui-tests.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

const resultsFile = join(root, 'test-results', 'ui-results.json');
if (!existsSync(resultsFile) || statSync(resultsFile).mtimeMs < started) {
  console.error('[screenshots] the UI tests wrote no results');
  process.exit(1);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
const passed = new Set(results.tests.filter((t) => t.passed).map((t) => t.name));
mkdirSync(images, { recursive: true });
const missing = [];
for (const { image, test, shot } of PICTURES) {
  const from = join(shots, `${shot}.png`);
  if (passed.has(test) && existsSync(from) && statSync(from).mtimeMs >= started) {
    copyFileSync(from, join(images, image));
    console.log(`[screenshots] docs/images/${image}`);
  } else {
    missing.push(`${image} (test ${test} ${passed.has(test) ? 'took no screenshot' : 'did not pass or is not enabled'})`);
  }
}
for (const m of missing) console.log(`[screenshots] not updated: ${m}`);
process.exit(ui.status === 0 ? 0 : 1);
