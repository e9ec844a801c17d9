/** Positions and edits in a document: the random ones the checks send, and the check that an answer's range fits the text. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import type { Rng } from './prng';

function validPosition(doc: TextDocument, p: Position | undefined): boolean {
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < doc.lineCount;
}

export function validRange(doc: TextDocument, r: Range | undefined): string | undefined {
  if (!r || !validPosition(doc, r.start) || !validPosition(doc, r.end)) return `range ${JSON.stringify(r)} outside the document (${doc.lineCount} lines)`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `inverted range ${JSON.stringify(r)}`;
  return undefined;
}

export function randomPosition(doc: TextDocument, rng: Rng): Position {
  const text = doc.getText();
  if (rng.chance(0.1)) return rng.pick([{ line: doc.lineCount + rng.int(5), character: rng.int(50) }, { line: rng.int(doc.lineCount), character: 100_000 + rng.int(10) }, { line: 0, character: 0 }]);
  return doc.positionAt(rng.int(text.length + 1));
}

export function randomEdit(doc: TextDocument, rng: Rng): TextDocumentContentChangeEvent {
  const text = doc.getText();
  if (rng.chance(0.05)) return { text: text.slice(0, rng.int(text.length + 1)) + rng.pick(['', '}', '"', '\n']) };
  const a = rng.int(text.length + 1);
  const b = Math.min(text.length, a + (rng.chance(0.5) ? 0 : rng.int(40)));
  let range = { start: doc.positionAt(a), end: doc.positionAt(b) };
  if (rng.chance(0.05)) range = { start: range.start, end: { line: doc.lineCount + 3, character: 7 } }; // past the end
  const insert = rng.pick(['', ' ', '\n', '{', '}', '"', '${', 'x', '= ', 'data.coder_workspace.me.', 'resource "docker_container" "w" {\n', '\r\n', '\u{1F600}', '#', 'var.', 'coder_agent.main.']);
  return { range, text: insert };
}
