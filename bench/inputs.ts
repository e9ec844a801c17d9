/** The benchmark's inputs: generated templates and corpus written to bench/inputs/, and the check that they parse. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTemplate, METHODS } from './generate';
import { inputs } from './options';
import { parseText } from '../server/src/model/parser';

export interface Input {
  id: string;
  lines: number;
  file: string;
  uri: string;
  text: string;
}

const CORPUS_SIZE = 200;

function writeInput(dir: string, text: string): { file: string; uri: string } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.tf');
  fs.writeFileSync(file, text);
  return { file, uri: pathToFileURL(file).href };
}

export function generateInputs(): { templates: Input[]; corpus: Input[]; corpusDir: string } {
  fs.rmSync(inputs, { recursive: true, force: true });
  const templates = [400, 4000, 12000].map((n, i) => {
    const g = generateTemplate(n, 1000 + n, i);
    const id = n >= 1000 ? `${n / 1000}k` : String(n);
    return { id, lines: g.lines, text: g.text, ...writeInput(path.join(inputs, `template-${id}`), g.text) };
  });
  const corpusDir = path.join(inputs, 'corpus');
  const corpus: Input[] = [];
  for (let i = 0; i < CORPUS_SIZE; i++) {
    const g = generateTemplate(400, 5000 + i, i % METHODS.length);
    const id = `t${String(i).padStart(3, '0')}`;
    corpus.push({ id, lines: g.lines, text: g.text, ...writeInput(path.join(corpusDir, id), g.text) });
  }
  return { templates, corpus, corpusDir };
}

type Hcl2Json = { parse(name: string, text: string): Promise<unknown> };
const hcl2json = require('@cdktf/hcl2json') as Hcl2Json;

export async function hclParse(text: string): Promise<void> {
  try {
    await hcl2json.parse('main.tf', text);
  } catch {
    // a syntax error costs the same parse; the inputs are checked to parse cleanly elsewhere
  }
}

export async function checkParsesCleanly(all: Input[]): Promise<void> {
  for (const input of all) {
    try {
      await hcl2json.parse('main.tf', input.text);
    } catch (error) {
      throw new Error(`generated input ${input.file} does not parse with hcl2json: ${String(error).slice(0, 300)}`);
    }
    const tree = parseText(input.text);
    const broken = tree.rootNode.hasError;
    tree.delete();
    if (broken) throw new Error(`generated input ${input.file} has tree-sitter errors`);
  }
}
