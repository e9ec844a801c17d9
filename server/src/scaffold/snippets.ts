import { METHODS, Method, methodById } from '../model/methodCatalog';
import { renderContext, renderScaffold, renderPartial } from './render';

/** One entry of a VS Code snippets file. */
export interface VsCodeSnippet {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * Stand-in values that are valid parameters and cannot occur elsewhere in a template; after rendering
 * each becomes a tab stop whose placeholder is the parameter's default.
 */
const TAB_STOPS: Array<{ parameter: string; sentinel: string }> = [
  { parameter: 'name', sentinel: 'zzsnipaname' },
  { parameter: 'namespace', sentinel: 'zzsnipbns' },
  { parameter: 'image', sentinel: 'zzsnipcimage' },
  { parameter: 'dindImage', sentinel: 'zzsnipddind' },
];

/** Escapes text for a snippet body: `$` and `\` are special to VS Code's snippet syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$]/g, (ch) => `\\${ch}`);
}

function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

function toBody(text: string, stops: Array<{ sentinel: string; index: number; placeholder: string }>): string[] {
  let body = escapeSnippet(text.replace(/\n$/, ''));
  for (const stop of stops) {
    body = body.split(stop.sentinel).join(`\${${stop.index}:${escapePlaceholder(stop.placeholder)}}`);
  }
  return body.split('\n');
}

function methodSnippet(method: Method): VsCodeSnippet {
  const parameters: Record<string, string> = {};
  const stops: Array<{ sentinel: string; index: number; placeholder: string }> = [];
  for (const { parameter, sentinel } of TAB_STOPS) {
    const declared = method.parameters.find((p) => p.name === parameter);
    if (!declared) continue;
    parameters[parameter] = sentinel;
    stops.push({ sentinel, index: stops.length + 1, placeholder: declared.default });
  }
  const result = renderScaffold({ method: method.id, parameters });
  if (result.errors) throw new Error(`snippet for ${method.id}: ${JSON.stringify(result.errors)}`);
  const mainTf = result.files.find((file) => file.path === 'main.tf');
  if (!mainTf) throw new Error(`snippet for ${method.id}: no main.tf rendered`);
  return {
    prefix: `coder-template-${method.id}`,
    description: `Complete Coder template: Docker in the workspace with ${method.title}. ${method.docsUrl}`,
    body: toBody(mainTf.content, stops),
  };
}

function partialSnippet(
  prefix: string,
  description: string,
  partial: string,
  methodId: string,
  extra: Record<string, string> = {},
  inline: Record<string, string> = {},
  stop?: { parameter: string; sentinel: string },
): VsCodeSnippet {
  const method = methodById(methodId);
  if (!method) throw new Error(`unknown method ${methodId}`);
  const values = Object.fromEntries(method.parameters.map((p) => [p.name, p.default]));
  const stops = [];
  if (stop) {
    values[stop.parameter] = stop.sentinel;
    stops.push({ sentinel: stop.sentinel, index: 1, placeholder: method.parameters.find((p) => p.name === stop.parameter)?.default ?? '' });
  }
  const text = renderPartial(partial, { ...renderContext(method, values), ...extra }, inline);
  const body = toBody(text, stops);
  body.push('$0');
  return { prefix, description, body };
}

/** Every snippet, keyed by its display name, in a stable order. */
export function generateSnippets(): Record<string, VsCodeSnippet> {
  const snippets: Record<string, VsCodeSnippet> = {};
  for (const method of METHODS) snippets[`Coder template: ${method.title}`] = methodSnippet(method);
  snippets['Coder agent (starts Docker)'] = partialSnippet(
    'coder-agent',
    'coder_agent whose startup script starts dockerd and waits for it, with CPU, memory, disk and Docker metadata',
    'agent',
    'sysbox-kubernetes',
    { engineName: 'Docker', engineCheck: 'docker info' },
    { startup: '{{> startup-dockerd reason="Needs Sysbox (or envbox) on this container."}}\n' },
  );
  snippets['Coder data sources'] = partialSnippet(
    'coder-data-sources',
    'The coder provider and the coder_provisioner, coder_workspace and coder_workspace_owner data sources (provider 2.x)',
    'coder',
    'sysbox-kubernetes',
  );
  snippets['Docker-in-Docker sidecar container (Kubernetes)'] = partialSnippet(
    'coder-dind-sidecar',
    'Privileged docker:dind sidecar for a workspace pod, listening on 127.0.0.1:2375 only; set DOCKER_HOST=tcp://127.0.0.1:2375 on the workspace container',
    'dind-sidecar',
    'privileged-sidecar-kubernetes',
    {},
    {},
    { parameter: 'dindImage', sentinel: 'zzsnipddind' },
  );
  snippets['Envbox environment'] = partialSnippet(
    'coder-envbox-env',
    'The env blocks an envbox container needs: agent token and URL, inner image and user, bootstrap script, mounts, CPU and memory from the limits',
    'envbox-env',
    'envbox',
    {},
    {},
    { parameter: 'image', sentinel: 'zzsnipcimage' },
  );
  snippets['Sysbox user-namespace annotation'] = partialSnippet(
    'coder-sysbox-annotation',
    'Pod metadata annotation io.kubernetes.cri-o.userns-mode that Sysbox pods need (use with runtime_class_name = "sysbox-runc")',
    'sysbox-annotation',
    'sysbox-kubernetes',
  );
  return snippets;
}

/** The text of snippets/terraform.json. */
export function snippetsFileText(): string {
  return `${JSON.stringify(generateSnippets(), null, 2)}\n`;
}
