/**
 * Lays out rendered Terraform the way `terraform fmt` does, so scaffolded files are stable and need no
 * reformatting: two-space indentation by bracket depth, `=` aligned within runs of single-line
 * attributes, one blank line at most, a single trailing newline. Heredoc bodies are left as written.
 *
 * The alignment follows hclwrite: a line takes part in a run when it has an `=` whose right-hand side
 * closes every bracket it opens (a heredoc opener counts as closed); the body and closing marker of a
 * heredoc leave the run going; any other line (a comment, a blank line, a bracket) ends it.
 */
export function formatHcl(text: string): string {
  const input = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: Line[] = [];
  let depth = 0;
  let heredoc: string | undefined;

  for (const raw of input) {
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) {
        lines.push({ text: `${indent(depth)}${heredoc}`, kind: 'heredoc' });
        heredoc = undefined;
      } else {
        lines.push({ text: raw.replace(/\s+$/, ''), kind: 'heredoc' });
      }
      continue;
    }
    const body = raw.trim();
    if (body === '') {
      lines.push({ text: '', kind: 'blank' });
      continue;
    }
    const scan = scanLine(body);
    const lineDepth = Math.max(0, depth - scan.leadingClosers);
    depth = Math.max(0, depth + scan.bracketChange);
    heredoc = scan.heredocMarker;
    const text = `${indent(lineDepth)}${body}`;
    if (scan.assignAt !== undefined && scan.assignBalanced) {
      lines.push({ text, kind: 'assign', depth: lineDepth, key: body.slice(0, scan.assignAt).trimEnd(), value: body.slice(scan.assignAt + 1).trimStart() });
    } else {
      lines.push({ text, kind: body.startsWith('#') || body.startsWith('//') ? 'comment' : 'other' });
    }
  }

  alignRuns(lines);

  const out: string[] = [];
  for (const line of lines) {
    if (line.kind === 'blank' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line.text);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

type Line =
  | { text: string; kind: 'blank' | 'heredoc' | 'comment' | 'other' }
  | { text: string; kind: 'assign'; depth: number; key: string; value: string };

function indent(depth: number): string {
  return '  '.repeat(depth);
}

function alignRuns(lines: Line[]): void {
  let start = 0;
  while (start < lines.length) {
    if (lines[start].kind !== 'assign') {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && (lines[end].kind === 'assign' || lines[end].kind === 'heredoc')) end++;
    const run = lines.slice(start, end).filter((line): line is Extract<Line, { kind: 'assign' }> => line.kind === 'assign');
    const width = Math.max(...run.map((line) => line.key.length));
    for (const line of run) {
      line.text = `${indent(line.depth)}${line.key.padEnd(width)} = ${line.value}`;
    }
    start = end;
  }
}

interface LineScan {
  /** Closing brackets before any other token: they pull the line itself out one level each. */
  leadingClosers: number;
  bracketChange: number;
  /** Index of the attribute's `=`, when the line is `key = value`. */
  assignAt?: number;
  /** The value closes every bracket it opens before a heredoc opener (if any). */
  assignBalanced: boolean;
  heredocMarker?: string;
}

/** Reads one trimmed line, skipping strings (with `${ … }` interpolations) and trailing comments. */
function scanLine(body: string): LineScan {
  const result: LineScan = { leadingClosers: 0, bracketChange: 0, assignBalanced: false };
  let leading = true;
  let sinceAssign = 0;
  let i = 0;
  // Stack of contexts: 'code' inside `${ }`, 'string' inside quotes.
  const stack: Array<'string' | 'interp'> = [];
  while (i < body.length) {
    const ch = body[i];
    const top = stack[stack.length - 1];
    if (top === 'string') {
      if (ch === '\\') i += 2;
      else if (ch === '"') {
        stack.pop();
        i++;
      } else if ((ch === '$' || ch === '%') && body[i + 1] === '{' && body[i - 1] !== ch) {
        stack.push('interp');
        i += 2;
      } else i++;
      continue;
    }
    if (ch === '"') {
      stack.push('string');
      leading = false;
      i++;
      continue;
    }
    if (top === 'interp') {
      if (ch === '{') stack.push('interp');
      else if (ch === '}') stack.pop();
      i++;
      continue;
    }
    if (ch === '#' || (ch === '/' && body[i + 1] === '/')) break;
    if (ch === '<' && body[i + 1] === '<') {
      const match = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(body.slice(i));
      if (match) {
        result.heredocMarker = match[1];
        if (result.assignAt !== undefined) result.assignBalanced = sinceAssign === 0;
        return result;
      }
    }
    if (ch === '{' || ch === '[' || ch === '(') {
      result.bracketChange++;
      sinceAssign++;
      leading = false;
    } else if (ch === '}' || ch === ']' || ch === ')') {
      result.bracketChange--;
      sinceAssign--;
      if (leading) result.leadingClosers++;
    } else if (ch === '=' && result.assignAt === undefined && result.bracketChange === 0 && !leading) {
      const prev = body[i - 1];
      const next = body[i + 1];
      if (next !== '=' && next !== '>' && prev !== '=' && prev !== '!' && prev !== '<' && prev !== '>') {
        result.assignAt = i;
        sinceAssign = 0;
      }
    } else if (ch !== ' ' && ch !== '\t') {
      leading = false;
    }
    i++;
  }
  if (result.assignAt !== undefined) result.assignBalanced = sinceAssign === 0;
  return result;
}
