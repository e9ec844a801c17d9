import { ClientCommands, type TemplateStatus } from '../../server/src/protocol';

/** The language server's life as the status item tells it. */
export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running' }
  | { kind: 'restarting'; why: string }
  | { kind: 'stopped'; reason: string };

/** Findings (diagnostics of this extension) in the folder of the active file. */
export interface FindingCounts {
  total: number;
  errors: number;
}

/** What the language status item shows; `detail` is linked text (`[title](command:…)`). */
export interface StatusView {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
}

const RESTART_LINK = `[Restart](command:${ClientCommands.restartServer})`;
const DOCS_LINK = `[Method docs](command:${ClientCommands.showMethodDocs})`;

/**
 * The status item for the active Terraform file: the server's state, the template's method and the
 * findings in its folder. `template` is undefined until the server has answered for the file.
 */
export function describeStatus(server: ServerState, template: TemplateStatus | undefined, findings: FindingCounts): StatusView {
  switch (server.kind) {
    case 'starting':
      return { text: 'coder-dind: starting', detail: 'Language server starting', severity: 'information', busy: true };
    case 'restarting':
      return { text: 'coder-dind: restarting', detail: `Language server restarting ${server.why}`, severity: 'warning', busy: true };
    case 'stopped':
      return { text: 'coder-dind: stopped', detail: `Language server stopped: ${server.reason} · ${RESTART_LINK}`, severity: 'error', busy: false };
    case 'running': {
      const parts = ['Language server running', findingsText(findings)];
      if (template?.method) parts.push(DOCS_LINK);
      parts.push(RESTART_LINK);
      return { text: templateText(template), detail: parts.join(' · '), severity: 'information', busy: false };
    }
  }
}

function templateText(template: TemplateStatus | undefined): string {
  if (!template) return 'coder-dind';
  if (template.method) return `Docker in workspace: ${template.method.title}`;
  return template.isCoderTemplate ? 'Docker in workspace: no method detected' : 'Not a Coder template';
}

function findingsText({ total, errors }: FindingCounts): string {
  if (total === 0) return 'no findings in this folder';
  const count = `${total} finding${total === 1 ? '' : 's'} in this folder`;
  return errors ? `${count} (${errors} error${errors === 1 ? '' : 's'})` : count;
}
