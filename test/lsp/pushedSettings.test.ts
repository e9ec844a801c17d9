import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';

const FILE = path.join(__dirname, '..', '..', 'examples', 'broken-template', 'main.tf');
const URI = pathToFileURL(FILE).href;
const TEXT = readFileSync(FILE, 'utf8');
const OPTIONS = { debounceMs: 0, syntaxDebounceMs: 0 };
const has = (rule: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === rule);
const lacks = (rule: string) => (p: PublishDiagnosticsParams) => p.diagnostics.length > 0 && !has(rule)(p);
const OFF = { settings: { coderDind: { rules: { 'privileged-container': 'off' } } } };

/**
 * Clients without `workspace/configuration` (Neovim 0.7, editors that only push) may push the settings
 * with `workspace/didChangeConfiguration`; a client that offers the pull is always asked instead.
 */
describe('settings pushed by clients without workspace/configuration', () => {
  let client: TestClient;
  afterEach(() => client.dispose());

  it('starts with the defaults, then follows each push; a push without a coderDind object means defaults', { timeout: 60_000 }, async () => {
    client = new TestClient();
    await client.initialize(OPTIONS, {});
    await client.open(URI, TEXT);
    await client.waitForDiagnostics(URI, has('privileged-container'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, OFF);
    await client.waitForDiagnostics(URI, lacks('privileged-container'));
    for (const settings of [{ coderDind: 'off' }, 5, null]) {
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, OFF);
      await client.waitForDiagnostics(URI, lacks('privileged-container'));
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
      await client.waitForDiagnostics(URI, has('privileged-container'));
    }
    assert.deepEqual(client.logs.filter((l) => /failed/.test(l)), [], 'no handler failed on odd settings');
  });

  it('ignores pushed settings when the client answers workspace/configuration', { timeout: 60_000 }, async () => {
    client = new TestClient();
    client.settings = { rules: { 'sysbox-privileged': 'off' } };
    await client.initialize(OPTIONS);
    await client.open(URI, TEXT);
    await client.waitForDiagnostics(URI, (p) => has('privileged-container')(p) && lacks('sysbox-privileged')(p));
    // The change makes the server ask again, and the answer, not the push, decides: the new pulled
    // setting shows that the server asked.
    client.settings = { rules: { 'sysbox-privileged': 'off', 'deprecated-agent-dir': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, OFF);
    const after = await client.waitForDiagnostics(URI, lacks('deprecated-agent-dir'));
    assert.ok(has('privileged-container')(after), 'a pushed setting overrode the pulled ones');
    assert.ok(lacks('sysbox-privileged')(after));
  });
});
