import { ClientCommands, type TemplateStatus } from '../../shared/src/protocol';

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

/**
 * One row of the language status hover. `detail` is linked text (`[title](command:…)`). VS Code shows a
 * row on one line and cuts it at the hover's width (about 500 px), so a row stays short: the server and
 * the method each get their own.
 */
export interface ItemView {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
}

const RESTART_LINK = `[Restart](command:${ClientCommands.restartServer})`;
const PREVIEW_LINK = `[Preview Workspace](command:${ClientCommands.previewWorkspace})`;

/** The server row: its state (with the reason of a stop) and the findings in the active file's folder. */
export function describeServer(server: ServerState, findings: FindingCounts): ItemView {
  switch (server.kind) {
    case 'starting':
      return { text: 'coder-dind starting', detail: '', severity: 'information', busy: true };
    case 'restarting':
      return { text: 'coder-dind restarting', detail: server.why, severity: 'warning', busy: true };
    case 'stopped':
      return { text: 'coder-dind stopped', detail: `${server.reason} · ${RESTART_LINK}`, severity: 'error', busy: false };
    case 'running':
      return { text: 'coder-dind running', detail: `${findingsText(findings)} · ${RESTART_LINK}`, severity: 'information', busy: false };
  }
}

/**
 * The method row, once the server has answered for the active file; its command opens the method's docs.
 * A Coder template's row links its workspace preview.
 */
export function describeMethod(template: TemplateStatus): ItemView {
  const text = template.method?.title ?? (template.isCoderTemplate ? 'No Docker-in-workspace method detected' : 'Not a Coder template');
  // The row is cut at the hover's width: the preview's link replaces the words "Docker in workspace".
  const detail = template.isCoderTemplate ? PREVIEW_LINK : 'only hcl-syntax checks it';
  return { text, detail, severity: 'information', busy: false };
}

function findingsText({ total, errors }: FindingCounts): string {
  if (total === 0) return 'no findings in this folder';
  const count = `${total} finding${total === 1 ? '' : 's'} in this folder`;
  return errors ? `${count} (${errors} error${errors === 1 ? '' : 's'})` : count;
}
