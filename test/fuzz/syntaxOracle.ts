/**
 * The `hcl-syntax` oracle both the open-document and the closed-file checks use: what the server
 * published, and what Terraform's parser says of the same text, as comparable sorted strings.
 */
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TfFile } from '../../server/src/model/document';
import { syntaxFindings } from '../../server/src/service/lint';

export const publishedSyntax = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.filter((d) => d.code === 'hcl-syntax').map((d) => JSON.stringify([d.range, d.message])).sort();

export async function expectedSyntax(text: string): Promise<string[]> {
  const file = new TfFile('/fuzz/expected.tf', text, null);
  try {
    return (await syntaxFindings(file)).map((f) => JSON.stringify([f.range, f.message])).sort();
  } finally {
    file.dispose();
  }
}
