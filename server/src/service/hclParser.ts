import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TfFile } from '../model/document';
import type { Position } from '../model/text';
import type { SyntaxReport } from '../rules/types';

/**
 * The host of the Go HCL parser (`@cdktf/hcl2json`, compiled to WebAssembly), the parser Terraform itself
 * uses: `checkSyntax` gives the `hcl-syntax` reports of a text (rules/hcl-syntax.ts holds the rule's meta),
 * `hclJson` the parser's JSON reading. The language server runs it in a child process and the CLI in
 * worker threads (hclWorkers.ts); without them it runs in the calling thread.
 */
interface GoInstance {
  exited: boolean;
  _scheduledTimeouts?: Map<number, NodeJS.Timeout>;
}
interface GoParser {
  go: GoInstance;
  parse(name: string, text: string, callback: (error: string | null, json?: string) => void): void;
}
/** The runtime in use (starting or started), and the started one. */
let current: Promise<GoParser> | undefined;
let started: GoParser | undefined;

/**
 * Starts a Go runtime with `@cdktf/hcl2json`'s parser. This is what the package's own bridge does, but
 * the bridge keeps one runtime for the life of the process: once an input has overflowed the stack
 * inside Go (thousands of nested brackets do) the runtime is corrupt and then exits, and every later
 * check fails with "Go program has already exited". Owning the runtime lets `checkSyntax` drop a broken
 * one and start another.
 */
async function startParser(): Promise<GoParser> {
  require('@cdktf/hcl2json/wasm/bridge_wasm_exec.js'); // defines globalThis.Go
  const wasmPath = existsSync(path.join(__dirname, 'hcl2json.wasm.gz'))
    ? path.join(__dirname, 'hcl2json.wasm.gz') // beside the bundle (scripts/build.mjs copies it there)
    : path.join(path.dirname(require.resolve('@cdktf/hcl2json/package.json')), 'main.wasm.gz');
  // Typed here: the server is compiled without the DOM library, where WebAssembly's types live.
  const { Go, WebAssembly: wasm } = globalThis as unknown as {
    Go: new () => GoInstance & { importObject: object; run(instance: unknown): Promise<void> };
    WebAssembly: { instantiate(bytes: Buffer, imports: object): Promise<{ instance: unknown }> };
  };
  const go = new Go();
  const { instance } = await wasm.instantiate(gunzipSync(readFileSync(wasmPath)), go.importObject);
  // The Go program puts its functions on this global when it starts, which `run` does synchronously.
  const root: Record<string, unknown> = {};
  (globalThis as Record<string, unknown>).__parse_terraform_config_wasm__ = root;
  void go.run(instance);
  if (typeof root.parse !== 'function') throw new Error('the HCL parser did not start');
  return { go, parse: root.parse as GoParser['parse'] };
}

/** Stops a runtime for good (its pending Go timers would wake the corrupt program again); the next parse starts another. */
function retire(parser: GoParser): void {
  for (const timer of parser.go._scheduledTimeouts?.values() ?? []) clearTimeout(timer);
  parser.go._scheduledTimeouts?.clear();
  if (started === parser) {
    started = undefined;
    current = undefined;
  }
}

/**
 * Parses with the Go HCL parser: resolves with its JSON, rejects with its `parse config: …` message, or
 * rejects with a `RuntimeFailure` when the runtime itself broke (stack overflow, exit); the next call
 * then gets a new runtime.
 */
async function goParse(name: string, text: string): Promise<unknown> {
  let parser: GoParser;
  try {
    parser = await (current ??= startParser().then((p) => (started = p)));
    if (parser.go.exited) {
      retire(parser);
      parser = await (current = startParser().then((p) => (started = p)));
    }
  } catch (error) {
    current = undefined;
    throw new RuntimeFailure(error instanceof Error ? error.message : String(error));
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    try {
      parser.parse(name, text, (error, json) => {
        answered = true;
        if (error) reject(new Error(error));
        else resolve(json);
      });
    } catch (error) {
      retire(parser);
      reject(new RuntimeFailure(error instanceof Error ? error.message : String(error)));
      return;
    }
    // A runtime that exits during the call never answers: without this the check would wait forever.
    if (!answered && parser.go.exited) {
      retire(parser);
      reject(new RuntimeFailure('the parser exited'));
    }
  });
}

class RuntimeFailure extends Error {}

/**
 * Deeper than this the text is not handed to the Go parser: in WebAssembly its recursive descent takes
 * seconds and then overflows the stack at 1,500 to 20,000 levels, depending on the construct. Depth
 * counts brackets, braces and parentheses (those in strings and comments too), template directives
 * (`%{ if }`, `%{ for }`) and runs of unary operators. Real templates nest a few levels.
 */
export const MAX_SYNTAX_DEPTH = 500;

export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let unary = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91 || c === 40) max = Math.max(max, ++depth); // { [ (
    else if ((c === 125 || c === 93 || c === 41) && depth > 0) depth--; // } ] )
    if (c === 33 || c === 45) max = Math.max(max, depth + ++unary); // ! -
    else if (c !== 32 && c !== 9) unary = 0;
  }
  let directives = 0;
  for (const m of text.matchAll(/%\{~?\s*(end)?(?:if|for)\b/g)) {
    directives = m[1] ? Math.max(0, directives - 1) : directives + 1;
    max = Math.max(max, directives);
  }
  return max;
}

/** The name under which the text is parsed; the messages carry it, and it must not clash with the regex. */
const VIRTUAL_NAME = 'template.tf';
const DIAGNOSTIC = /template\.tf:(\d+),(\d+)-(?:(\d+),)?(\d+): ([^;]+?); (.*?)(?=\s+template\.tf:\d+,\d+-(?:\d+,)?\d+: |\]$|$)/gs;

export interface SyntaxProblem {
  summary: string;
  detail: string;
  start: Position;
  end: Position;
}

/** Parses `parse config: [file:L,C-L,C: Summary; Detail …]` into problems with LSP positions. */
export function parseHclErrors(message: string, file: TfFile): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const m of message.matchAll(DIAGNOSTIC)) {
    // A long line of stray characters gives thousands; converting each one's column walks the line.
    if (problems.length === MAX_SYNTAX_PROBLEMS) break;
    const startLine = Number(m[1]) - 1;
    const startColumn = Number(m[2]) - 1;
    const endLine = m[3] !== undefined ? Number(m[3]) - 1 : startLine;
    const endColumn = Number(m[4]) - 1;
    const start = { line: startLine, character: utf16Column(file, startLine, startColumn) };
    let end = { line: endLine, character: utf16Column(file, endLine, endColumn) };
    if (end.line === start.line && end.character <= start.character) end = { line: start.line, character: start.character + 1 };
    problems.push({ summary: m[5].trim(), detail: m[6].trim(), start, end });
  }
  return problems;
}

/** At most this many problems per file are reported: enough to fix, bounded for garbage input. */
export const MAX_SYNTAX_PROBLEMS = 100;

/** HCL counts columns in characters; LSP in UTF-16 code units. */
function utf16Column(file: TfFile, line: number, characters: number): number {
  if (line >= file.lines.lineCount) return 0;
  const text = file.lines.lineText(line);
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen >= characters) break;
    units += ch.length;
    seen++;
  }
  return units + Math.max(0, characters - seen);
}

export async function checkSyntax(file: TfFile, text = file.text): Promise<SyntaxReport[]> {
  const start = { line: 0, character: 0 };
  const firstCharacter = { start, end: { line: 0, character: 1 } };
  const depth = nestingDepth(text);
  if (depth > MAX_SYNTAX_DEPTH) {
    return [{ file, range: firstCharacter, message: `Not checked with Terraform's HCL parser: this file nests ${depth} levels deep, more than the ${MAX_SYNTAX_DEPTH} it is given.` }];
  }
  try {
    await goParse(VIRTUAL_NAME, text);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RuntimeFailure) {
      return [{ file, range: firstCharacter, message: `Terraform's HCL parser could not check this file: ${message}` }];
    }
    const problems = parseHclErrors(message, file);
    if (!problems.length) {
      return [{ file, range: firstCharacter, message: `Terraform's HCL parser rejects this file: ${message.replace(/^parse config: /, '')}` }];
    }
    return problems.map((p) => ({
      file,
      range: { start: p.start, end: p.end },
      message: `${p.summary}: ${p.detail}`,
    }));
  }
}

/**
 * What Terraform's HCL parser reads from a text, in hcl2json's form (blocks as lists of objects, each
 * expression as its `${…}` source); undefined when the text does not parse. Lets a check compare what
 * two texts mean to Terraform rather than how they are written.
 */
export async function hclJson(text: string): Promise<unknown> {
  if (nestingDepth(text) > MAX_SYNTAX_DEPTH) return undefined;
  try {
    const json = await goParse(VIRTUAL_NAME, text);
    return typeof json === 'string' ? JSON.parse(json) : json;
  } catch {
    return undefined;
  }
}
