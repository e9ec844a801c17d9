// Writes snippets/terraform.json from the scaffold templates (one source of truth). With --check it
// writes nothing and exits 1 when the committed file differs from what the templates generate.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetsFileText } from '../server/src/scaffold/snippets';

const target = join(__dirname, '..', 'snippets', 'terraform.json');
const text = snippetsFileText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file differs.
  }
  if (current !== text) {
    console.error('snippets/terraform.json is out of date; run `npm run snippets`');
    process.exit(1);
  }
  console.log('snippets/terraform.json is up to date');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
