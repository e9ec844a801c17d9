// Helpers for the extension-host tests: fixtures in fresh folders, and waiting for the language server.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'coder-dind.coder-dind';
const SOURCE = 'coder-dind';
const fixturesDir = path.join(__dirname, '..', 'fixtures');
let counter = 0;

/** The workspace folder the tests run in (a temp folder the runner created). */
function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('the tests need a workspace folder; the runner opens a temp folder');
  return folder.uri.fsPath;
}

/** Copies test/e2e/fixtures/<name> into a new folder of the workspace (one Terraform module per test). */
function copyFixture(name) {
  counter += 1;
  const target = path.join(workspaceRoot(), `${name}-${process.pid}-${counter}`);
  fs.cpSync(path.join(fixturesDir, name), target, { recursive: true });
  return target;
}

async function openFile(file) {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** The rule id of a diagnostic (`code` may come as a string or as { value, target }). */
function ruleId(diagnostic) {
  const code = diagnostic.code;
  return code && typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

function ourDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Waits until the diagnostics of `uri` satisfy `predicate`. This is a wait, not a timing assertion: the
 * limit only stops a broken run from hanging, and the error shows what was published instead.
 */
function waitForDiagnostics(uri, predicate, limitMs = 60_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = ourDiagnostics(uri);
      if (predicate(diagnostics)) {
        done();
        resolve(diagnostics);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const seen = vscode.languages
        .getDiagnostics(uri)
        .map((d) => `${d.source}/${ruleId(d)}: ${d.message}`);
      reject(new Error(`diagnostics for ${uri.fsPath} never matched; published: ${JSON.stringify(seen)}`));
    }, limitMs);
    function done() {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

function hasRule(id) {
  return (diagnostics) => diagnostics.some((d) => ruleId(d) === id);
}

async function waitForActivation(limitMs = 60_000) {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    const ids = vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.'));
    throw new Error(`extension ${EXTENSION_ID} is not installed; non-builtin extensions: ${ids.join(', ')}`);
  }
  const deadline = Date.now() + limitMs;
  while (!extension.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return extension;
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  copyFixture,
  openFile,
  ruleId,
  ourDiagnostics,
  waitForDiagnostics,
  hasRule,
  waitForActivation,
};
