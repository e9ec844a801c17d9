import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { deploymentUrl } from '../../coder/deployment';

const LOGIN_TERMINAL = 'Coder login';

/** Interactive, so it runs in a terminal: the CLI opens a browser or asks for a token. */
export async function loginInTerminal(coderPath: string): Promise<void> {
  const current = deploymentUrl({ env: process.env, platform: process.platform, homeDir: homedir(), readFile: () => undefined });
  const url = await vscode.window.showInputBox({
    title: 'Log in to Coder',
    prompt: 'URL of your Coder deployment',
    value: current ?? 'https://',
    ignoreFocusOut: true,
    validateInput: (text) => {
      try {
        const u = new URL(text);
        return u.protocol === 'https:' || u.protocol === 'http:' ? undefined : 'Use an http(s) URL.';
      } catch {
        return 'Enter the URL of your Coder deployment, for example https://coder.example.com.';
      }
    },
  });
  if (!url) return;
  // shellPath/shellArgs start the CLI directly: no shell parses the URL.
  const terminal = vscode.window.createTerminal({ name: LOGIN_TERMINAL, shellPath: coderPath, shellArgs: ['login', url] });
  terminal.show();
}
