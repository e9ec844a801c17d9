import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScaffoldParameter, ScaffoldRequest, ScaffoldResult } from '../../../shared/src/protocol';
import { formatHcl } from './hclFormat';
import { METHODS, Method, methodById } from '../model/methodCatalog';

/** The files every scaffolded template consists of, in the order they are written. */
export const SCAFFOLD_FILES = ['main.tf', 'README.md'] as const;

/**
 * Finds the Handlebars templates: beside the bundle (`dist/templates`, copied there by
 * scripts/build.mjs) or, when running from source (tests under tsx), beside this file.
 */
export function templatesDir(): string {
  const candidates = [
    join(__dirname, 'templates'),
    join(__dirname, 'scaffold', 'templates'),
    join(__dirname, '..', 'server', 'src', 'scaffold', 'templates'),
  ];
  for (const dir of candidates) {
    if (existsSync(join(dir, 'partials'))) return dir;
  }
  throw new Error(`Scaffold templates not found; looked in ${candidates.join(', ')}`);
}

let engine: { hbs: typeof Handlebars; dir: string; cache: Map<string, Handlebars.TemplateDelegate> } | undefined;

function getEngine(): NonNullable<typeof engine> {
  if (engine) return engine;
  const dir = templatesDir();
  const hbs = Handlebars.create();
  // `(concat a ":" b)` builds a value from parts inside a partial call.
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    hbs.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(join(partialsDir, file), 'utf8'));
  }
  engine = { hbs, dir, cache: new Map() };
  return engine;
}

function compile(relativePath: string): Handlebars.TemplateDelegate {
  const { hbs, dir, cache } = getEngine();
  let template = cache.get(relativePath);
  if (!template) {
    template = hbs.compile(readFileSync(join(dir, relativePath), 'utf8'), { noEscape: true, strict: true });
    cache.set(relativePath, template);
  }
  return template;
}

/** Checks one value against a parameter's rules; returns the error message or undefined. */
export function checkParameter(parameter: ScaffoldParameter, value: string): string | undefined {
  if (parameter.choices && !parameter.choices.includes(value)) {
    return `${parameter.name} must be one of ${parameter.choices.join(', ')} (got "${value}")`;
  }
  const rule = parameter.validation;
  if (!rule) return undefined;
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return `${rule.message} (got ${value.length} characters)`;
  }
  if (!new RegExp(rule.pattern).test(value)) return `${rule.message} (got "${value}")`;
  return undefined;
}

export interface ResolvedParameters {
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** Fills in defaults and checks every value. Unknown parameter names are errors too. */
export function resolveParameters(method: Method, given: Record<string, string | undefined>): ResolvedParameters {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const known = new Set(method.parameters.map((parameter) => parameter.name));
  for (const [name, value] of Object.entries(given)) {
    if (value !== undefined && !known.has(name)) {
      errors[name] = `${method.id} has no parameter "${name}"; it takes ${[...known].join(', ')}`;
    }
  }
  for (const parameter of method.parameters) {
    const value = given[parameter.name] ?? parameter.default;
    values[parameter.name] = value;
    const error = checkParameter(parameter, value);
    if (error) errors[parameter.name] = error;
  }
  return { values, errors };
}

/** The object every template and partial is rendered with. All keys exist, so strict mode can catch typos. */
export function renderContext(method: Method, values: Record<string, string>): Record<string, unknown> {
  return {
    ...Object.fromEntries(METHODS.flatMap((m) => m.parameters).map((parameter) => [parameter.name, ''])),
    ...values,
    method,
    docker: method.platform === 'docker',
    kubernetes: method.platform === 'kubernetes',
    // Coder's official Docker and envbox templates add JetBrains IDEs; its plain Kubernetes one does not.
    jetbrains: method.platform === 'docker' || method.id === 'envbox',
  };
}

export function renderScaffold(req: ScaffoldRequest): ScaffoldResult {
  const method = methodById(req.method);
  if (!method) {
    return { files: [], errors: { method: `Unknown method "${req.method}". Methods: ${METHODS.map((m) => m.id).join(', ')}` } };
  }
  const { values, errors } = resolveParameters(method, req.parameters ?? {});
  if (Object.keys(errors).length) return { files: [], errors };
  const context = renderContext(method, values);
  return {
    files: [
      { path: 'main.tf', content: formatHcl(compile(`${method.id}/main.tf.hbs`)(context)) },
      { path: 'README.md', content: tidyMarkdown(compile(`${method.id}/README.md.hbs`)(context)) },
    ],
  };
}

/**
 * Renders one partial on its own (for snippets). `inline` supplies partials the partial expects its
 * caller to define, such as the agent's startup script.
 */
export function renderPartial(name: string, context: Record<string, unknown>, inline: Record<string, string> = {}): string {
  const { hbs } = getEngine();
  const source = `${Object.entries(inline)
    .map(([partial, body]) => `{{#*inline "${partial}"}}\n${body}{{/inline}}\n`)
    .join('')}{{> ${name}}}\n`;
  return formatHcl(hbs.compile(source, { noEscape: true, strict: true })(context));
}

function tidyMarkdown(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
