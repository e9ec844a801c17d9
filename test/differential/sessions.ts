import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { mixSeed, Rng } from '../fuzz/prng';
import { MODULE_FILES, NAMES, randomStatement, scaffolds, statements } from './fragments';

/**
 * One step of an editing session, as data: the generator below makes a list from a seed alone (it
 * simulates the editor and the disk, never the server), so that a failing session is replayed exactly
 * from its seed and index. Paths are relative to the session's root folder, with `/`.
 */
export type Step =
  | { kind: 'open'; file: string }
  | { kind: 'edit'; file: string; changes: TextDocumentContentChangeEvent[]; what: string }
  | { kind: 'save'; file: string }
  | { kind: 'close'; file: string; save: boolean }
  /** A file written on disk by something else (git, another editor, a generator). */
  | { kind: 'write'; file: string; text: string; binary?: boolean; what: string }
  | { kind: 'delete'; file: string }
  | { kind: 'rename'; from: string; to: string }
  /** A folder deleted whole (the watcher reports the folder alone). */
  | { kind: 'delete-folder'; folder: string }
  /** Time for the server to catch up (or not): debounces and checks under way interleave with the next step. */
  | { kind: 'pause'; ms: number };

export interface Session {
  seed: number;
  index: number;
  /** Initial files on disk. */
  files: Record<string, string>;
  steps: Step[];
  /** Initialisation options of the server for this session (debounces). */
  debounceMs: number;
  syntaxDebounceMs: number;
}

const TEMPLATE = 'tpl';
const MODULE = 'tpl/modules/app';
const OTHER = 'other';

/** What the generator knows: the text on disk of each file, and each open document's buffer. */
class World {
  disk = new Map<string, string>();
  binary = new Set<string>();
  open = new Map<string, TextDocument>();
  dirty = new Set<string>();
  created = 0;

  constructor(readonly rng: Rng) {}

  closedFiles(): string[] {
    return [...this.disk.keys()].filter((f) => !this.open.has(f)).sort();
  }

  /** A new file name in one of the session's folders. */
  newName(): string {
    const dir = this.rng.weighted([[6, TEMPLATE], [3, MODULE], [1, OTHER]]);
    return `${dir}/${this.rng.pick(['extra', 'more', 'infra', 'agent', 'compute'])}${++this.created}.tf`;
  }
}

/** A random edit of a text: what it does, and the new text. */
function mutate(text: string, rng: Rng): { text: string; what: string } {
  const parts = statements(text);
  const op = rng.weighted<string>([[3, 'insert'], [2, 'delete-statement'], [2, 'rename'], [1.5, 'break'], [1, 'delete-line'], [1, 'char'], [0.5, 'rewrite']]);
  switch (op) {
    case 'insert': {
      const at = rng.int(parts.length + 1);
      const inserted = randomStatement(rng);
      parts.splice(at, 0, (at > 0 && !parts[at - 1].endsWith('\n') ? '\n' : '') + inserted);
      return { text: parts.join(''), what: `insert a statement at ${at}: ${firstLine(inserted)}` };
    }
    case 'delete-statement': {
      if (!parts.length) return { text: randomStatement(rng), what: 'write a statement into an empty file' };
      const at = rng.int(parts.length);
      const [removed] = parts.splice(at, 1);
      return { text: parts.join(''), what: `delete statement ${at}: ${firstLine(removed)}` };
    }
    case 'rename': {
      const from = rng.pick(NAMES);
      const to = rng.pick(NAMES.filter((n) => n !== from).concat(`${from}_renamed`));
      const declarations = rng.chance(0.5);
      const pattern = declarations ? new RegExp(`variable "${from}"`, 'g') : new RegExp(`var\\.${from}\\b`, 'g');
      return { text: text.replace(pattern, declarations ? `variable "${to}"` : `var.${to}`), what: `rename ${declarations ? 'declarations' : 'references'} of ${from} to ${to}` };
    }
    case 'break': {
      const at = rng.int(text.length + 1);
      const token = rng.pick(['=', '{', '}', '"', '${', '\n}', '\nresource "x" {', ' = ', '[', '<<EOT\n']);
      return { text: text.slice(0, at) + token + text.slice(at), what: `insert ${JSON.stringify(token)} at ${at}` };
    }
    case 'delete-line': {
      const lines = text.split('\n');
      const at = rng.int(lines.length);
      lines.splice(at, 1);
      return { text: lines.join('\n'), what: `delete line ${at}` };
    }
    case 'char': {
      const a = rng.int(text.length + 1);
      const b = Math.min(text.length, a + rng.int(6));
      const inserted = rng.pick(['', 'x', ' ', '\n', '.', 'var.', '#', '\r\n', 'ü', '\u{1F600}']);
      return { text: text.slice(0, a) + inserted + text.slice(b), what: `replace ${a}-${b} with ${JSON.stringify(inserted)}` };
    }
    default:
      return { text: freshFile(rng), what: 'rewrite the whole file' };
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim()) ?? '';
}

function freshFile(rng: Rng): string {
  let text = '';
  for (let n = rng.range(1, 4); n > 0; n--) text += (text ? '\n' : '') + randomStatement(rng);
  return text;
}

/** The first layout: a scaffold's statements spread over two to four files, a local module, another template. */
function initialFiles(rng: Rng): Record<string, string> {
  const files: Record<string, string> = {};
  const names = ['main.tf', 'variables.tf', 'agent.tf', 'compute.tf'].slice(0, rng.range(2, 4));
  for (const statement of rng.pick(scaffolds())) {
    const file = `${TEMPLATE}/${rng.pick(names)}`;
    files[file] = (files[file] ? files[file] + '\n' : '') + statement;
  }
  if (rng.chance(0.7)) files[`${TEMPLATE}/${names[0]}`] += '\nmodule "app" {\n  source    = "./modules/app"\n  namespace = "coder"\n}\n';
  for (let n = rng.range(1, 3); n > 0; n--) files[`${MODULE}/${['main.tf', 'variables.tf', 'outputs.tf'][n - 1]}`] = rng.pick(MODULE_FILES) + '\n' + rng.pick(MODULE_FILES);
  if (rng.chance(0.5)) files[`${OTHER}/main.tf`] = freshFile(rng);
  return files;
}

/** The change that turns `before` into `after`, as one range over their difference (what an editor sends). */
function changeBetween(before: TextDocument, after: string): TextDocumentContentChangeEvent {
  const old = before.getText();
  let start = 0;
  while (start < old.length && start < after.length && old[start] === after[start]) start++;
  let end = 0;
  while (end < old.length - start && end < after.length - start && old[old.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { range: { start: before.positionAt(start), end: before.positionAt(old.length - end) }, text: after.slice(start, after.length - end) };
}

export function generateSession(seed: number, index: number, stepCount: number): Session {
  const rng = new Rng(mixSeed(seed, index));
  const world = new World(rng);
  const files = initialFiles(rng);
  for (const [f, t] of Object.entries(files)) world.disk.set(f, t);
  const steps: Step[] = [];
  const push = (step: Step) => steps.push(step);

  // Every session starts with a document of the template open, as an editor session does.
  const first = rng.pick(world.closedFiles().filter((f) => f.startsWith(`${TEMPLATE}/`) && !f.startsWith(`${MODULE}/`)));
  world.open.set(first, TextDocument.create(first, 'terraform', 1, world.disk.get(first)!));
  push({ kind: 'open', file: first });

  while (steps.length < stepCount) {
    const open = [...world.open.keys()].sort();
    const closed = world.closedFiles();
    const kind = rng.weighted<string>([
      [closed.length ? (open.length ? 2 : 6) : 0, 'open'],
      [open.length ? 6 : 0, 'edit'],
      [world.dirty.size ? 1.5 : 0, 'save'],
      [open.length ? 1 : 0, 'close'],
      [2.5, 'write'],
      [1, 'create'],
      [closed.length ? 0.7 : 0, 'delete'],
      [closed.length ? 0.5 : 0, 'rename'],
      [0.3, 'delete-folder'],
      [1, 'pause'],
    ]);
    switch (kind) {
      case 'open': {
        const file = rng.pick(closed);
        if (world.binary.has(file)) continue; // an editor would not open it as Terraform
        world.open.set(file, TextDocument.create(file, 'terraform', 1, world.disk.get(file)!));
        push({ kind: 'open', file });
        break;
      }
      case 'edit': {
        const file = rng.pick(open);
        const doc = world.open.get(file)!;
        const { text, what } = mutate(doc.getText(), rng);
        const change = rng.chance(0.1) ? { text } : changeBetween(doc, text);
        TextDocument.update(doc, [change], doc.version + 1);
        world.dirty.add(file);
        push({ kind: 'edit', file, changes: [change], what });
        break;
      }
      case 'save': {
        const file = rng.pick([...world.dirty].sort());
        world.disk.set(file, world.open.get(file)!.getText());
        world.binary.delete(file);
        world.dirty.delete(file);
        push({ kind: 'save', file });
        break;
      }
      case 'close': {
        const file = rng.pick(open);
        const save = world.dirty.has(file) && rng.chance(0.5);
        if (save) world.disk.set(file, world.open.get(file)!.getText());
        world.open.delete(file);
        world.dirty.delete(file);
        push({ kind: 'close', file, save });
        break;
      }
      case 'write': {
        // Mostly closed files (a branch switch, a generator); sometimes one that is open in the editor.
        const candidates = closed.length && rng.chance(0.85) ? closed : [...world.disk.keys()].sort();
        if (!candidates.length) continue; // every file was deleted
        const file = rng.pick(candidates);
        if (world.binary.has(file)) continue;
        const { text, what } = mutate(world.disk.get(file)!, rng);
        world.disk.set(file, text);
        push({ kind: 'write', file, text, what });
        const doc = world.open.get(file);
        if (doc && !world.dirty.has(file)) {
          // An editor reloads a document without unsaved changes when its file changes on disk.
          TextDocument.update(doc, [{ text }], doc.version + 1);
          push({ kind: 'edit', file, changes: [{ text }], what: 'reload from disk' });
        }
        break;
      }
      case 'create': {
        const file = world.newName();
        const binary = rng.chance(0.05);
        const text = binary ? 'variable "x" {}\n\u0000\n' : freshFile(rng);
        world.disk.set(file, text);
        if (binary) world.binary.add(file);
        push({ kind: 'write', file, text, binary, what: binary ? 'create a file that is not text' : 'create a file' });
        break;
      }
      case 'delete': {
        const file = rng.pick(closed);
        world.disk.delete(file);
        world.binary.delete(file);
        push({ kind: 'delete', file });
        break;
      }
      case 'rename': {
        const from = rng.pick(closed);
        const to = world.newName();
        world.disk.set(to, world.disk.get(from)!);
        if (world.binary.delete(from)) world.binary.add(to);
        world.disk.delete(from);
        push({ kind: 'rename', from, to });
        break;
      }
      case 'delete-folder': {
        // The local module goes away whole; documents open in it stay open in the editor (and are saved at the end).
        for (const f of [...world.disk.keys()]) if (f.startsWith(`${MODULE}/`)) world.disk.delete(f);
        push({ kind: 'delete-folder', folder: MODULE });
        break;
      }
      default:
        push({ kind: 'pause', ms: rng.pick([0, 5, 20, 60, 150]) });
    }
  }
  // Blocks of seven sessions share debounces (a run restarts its server only between blocks; 20 sessions see all three).
  const [debounceMs, syntaxDebounceMs] = DEBOUNCES[Math.floor(index / 7) % DEBOUNCES.length];
  return { seed, index, files, steps, debounceMs, syntaxDebounceMs };
}

/** Debounces (lint, hcl-syntax) of the sessions: none, short ones, and the client's defaults. */
const DEBOUNCES: ReadonlyArray<readonly [number, number]> = [[0, 0], [10, 30], [75, 350]];

export function reproduceCommand(seed: number, index: number, steps: number): string {
  return `npm run differential -- --seed ${seed} --session ${index} --steps ${steps}`;
}

/** The folder of a session path, with `/`. */
export function folderOf(file: string): string {
  return path.posix.dirname(file);
}

/** A step in one line, for the report of a failing session. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'edit':
      return `edit ${step.file}: ${step.what}`;
    case 'write':
      return `write ${step.file} on disk: ${step.what}`;
    case 'close':
      return `close ${step.file}${step.save ? ' (saved first)' : ' (unsaved changes dropped)'}`;
    case 'rename':
      return `rename ${step.from} to ${step.to} on disk`;
    case 'delete-folder':
      return `delete the folder ${step.folder} on disk`;
    case 'pause':
      return `pause ${step.ms} ms`;
    default:
      return `${step.kind} ${step.file}`;
  }
}
