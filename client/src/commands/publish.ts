import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// Placeholder until the publishing work lands (issue 6).
export function registerPublishCommands(
  _context: vscode.ExtensionContext,
  _client: () => LanguageClient | undefined,
  _output: vscode.OutputChannel,
): void {}
