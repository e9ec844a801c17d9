// The extension activates on a Terraform file, its language server publishes rule findings, and the
// preferred quick fix of a finding repairs the text.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

describe('coder-dind in a real VS Code', () => {
  it('activates when a .tf file is opened', async () => {
    const folder = h.copyFixture('broken-template');
    const { document } = await h.openFile(path.join(folder, 'main.tf'));
    assert.equal(document.languageId, 'terraform');
    const extension = await h.waitForActivation();
    assert.equal(extension.isActive, true, `${h.EXTENSION_ID} did not activate`);
    assert.equal(extension.packageJSON.name, 'coder-dind');
  });

  it('publishes coder-dind diagnostics with rule ids as codes', async () => {
    const folder = h.copyFixture('broken-template');
    const { document } = await h.openFile(path.join(folder, 'main.tf'));
    const diagnostics = await h.waitForDiagnostics(
      document.uri,
      (ds) => h.hasRule('removed-workspace-owner-attribute')(ds) && h.hasRule('undefined-reference')(ds),
    );

    const owner = diagnostics.find((d) => h.ruleId(d) === 'removed-workspace-owner-attribute');
    assert.equal(owner.severity, vscode.DiagnosticSeverity.Error);
    assert.match(document.getText(owner.range), /owner/, 'the owner finding should cover the removed attribute');
    assert.equal(owner.range.start.line, lineOf(document, 'data.coder_workspace.me.owner'));

    const reference = diagnostics.find((d) => h.ruleId(d) === 'undefined-reference');
    assert.equal(reference.severity, vscode.DiagnosticSeverity.Error);
    assert.match(document.getText(reference.range), /namespace/);
    assert.equal(reference.range.start.line, lineOf(document, 'var.namespace'));
    assert.match(reference.message, /namespace/);

    for (const d of diagnostics) {
      assert.equal(d.source, 'coder-dind');
      assert.match(h.ruleId(d), /^[a-z0-9-]+$/, `rule id ${h.ruleId(d)} is not a rule id`);
    }
  });

  it("reports what Terraform's HCL parser rejects (hcl-syntax), from the server's worker process", async () => {
    const folder = h.copyFixture('clean-template');
    const { document } = await h.openFile(path.join(folder, 'main.tf'));
    await h.waitForDiagnostics(document.uri, () => true);
    // An invalid escape: tree-sitter reads it as a string, Go's HCL parser rejects it.
    const end = document.positionAt(document.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, '\nlocals {\n  bad_escape = "\\q"\n}\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const diagnostics = await h.waitForDiagnostics(document.uri, h.hasRule('hcl-syntax'));
    const syntax = diagnostics.find((d) => h.ruleId(d) === 'hcl-syntax');
    assert.equal(syntax.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(syntax.range.start.line, lineOf(document, 'bad_escape'));
    assert.match(syntax.message, /escape/i);

    // The Go parser ran in a child process of the language server (which is a child of this extension host).
    const servers = childrenOf(process.pid).filter((pid) => commandLine(pid).some((a) => a.endsWith('/dist/server.js')));
    assert.ok(servers.length >= 1, 'no language server among the extension host\'s child processes');
    const workers = servers.flatMap(childrenOf).filter((pid) => commandLine(pid).some((a) => a.endsWith('/dist/hcl-worker.js')));
    assert.equal(workers.length, 1, `expected one hcl-syntax worker process under ${servers.join(', ')}`);

    // Removing the line clears the finding.
    const fixed = new vscode.WorkspaceEdit();
    const start = document.getText().indexOf('\nlocals {\n  bad_escape');
    fixed.delete(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(document.getText().length)));
    assert.equal(await vscode.workspace.applyEdit(fixed), true);
    await h.waitForDiagnostics(document.uri, (ds) => !h.hasRule('hcl-syntax')(ds));
    await document.save();
  });

  it('publishes the findings of a closed file of the open template\'s folder, and clears them when it is fixed on disk', async () => {
    const folder = h.copyFixture('module-template');
    await h.openFile(path.join(folder, 'main.tf'));
    const locals = vscode.Uri.file(path.join(folder, 'locals.tf'));
    const diagnostics = await h.waitForDiagnostics(locals, h.hasRule('undefined-reference'));
    const reference = diagnostics.find((d) => h.ruleId(d) === 'undefined-reference');
    assert.deepEqual([reference.range.start.line, reference.range.start.character], [1, 14]);
    assert.match(reference.message, /Did you mean `var\.workspace_namespace`/);

    const text = fs.readFileSync(locals.fsPath, 'utf8');
    fs.writeFileSync(locals.fsPath, text.replace('var.namespace', 'var.workspace_namespace'));
    await h.waitForDiagnostics(locals, (ds) => ds.length === 0);
  });

  for (const { rule, before, after } of [
    {
      rule: 'removed-workspace-owner-attribute',
      before: 'data.coder_workspace.me.owner',
      after: /data\.coder_workspace_owner\.me\.name/,
    },
    { rule: 'undefined-reference', before: 'var.namespace\n', after: /var\.workspaces_namespace/ },
  ]) {
    it(`offers a preferred quick fix for ${rule} that changes the text`, async () => {
      const folder = h.copyFixture('broken-template');
      const { document } = await h.openFile(path.join(folder, 'main.tf'));
      const diagnostics = await h.waitForDiagnostics(document.uri, h.hasRule(rule));
      const diagnostic = diagnostics.find((d) => h.ruleId(d) === rule);

      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // The command returns code actions without their `diagnostics`, so match by range and preference:
      // the request covers only this finding's range.
      const preferred = (actions || []).filter(
        (a) => a.isPreferred && (!a.diagnostics || a.diagnostics.some((d) => h.ruleId(d) === rule)),
      );
      assert.equal(preferred.length, 1, `expected one preferred fix, got: ${JSON.stringify((actions || []).map((a) => a.title))}`);
      const [fix] = preferred;
      assert.ok(fix.edit || fix.command, 'the quick fix has neither an edit nor a command');

      const textBefore = document.getText();
      if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the edit');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));

      const text = document.getText();
      assert.notEqual(text, textBefore);
      assert.match(text, after);
      assert.ok(!text.includes(before), `the fixed text still contains ${JSON.stringify(before)}`);
      // The finding goes away once the server has seen the edit.
      await h.waitForDiagnostics(document.uri, (ds) => !h.hasRule(rule)(ds));
      await document.save();
    });
  }
});

/** Process ids whose parent is `pid`, from /proc. */
function childrenOf(pid) {
  const out = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^PPid:\s+(\d+)/m.exec(status)[1]) === pid) out.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function lineOf(document, needle) {
  const index = document.getText().indexOf(needle);
  assert.notEqual(index, -1, `fixture lacks ${needle}`);
  return document.positionAt(index).line;
}
