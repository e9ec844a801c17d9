import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// Placeholder until the scaffolding work lands (issue 4).
export function registerScaffoldCommands(_context: vscode.ExtensionContext, _client: () => LanguageClient | undefined): void {}
