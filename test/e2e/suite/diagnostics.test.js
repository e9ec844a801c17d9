// The extension activates on a Terraform file, its language server publishes rule findings, and the
// preferred quick fix of a finding repairs the text.
const assert = require('node:assert/strict');
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

function lineOf(document, needle) {
  const index = document.getText().indexOf(needle);
  assert.notEqual(index, -1, `fixture lacks ${needle}`);
  return document.positionAt(index).line;
}
