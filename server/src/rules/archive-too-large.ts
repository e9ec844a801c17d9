import { archiveSize, archiveTooBig, folderAnchor, skipReason, TEMPLATE_ARCHIVE_LIMIT } from '../model/pushedFolder';
import { defineRule } from './types';

export const archiveTooLarge = defineRule({
  meta: {
    id: 'archive-too-large',
    defaultSeverity: 'error',
    description: 'The folder `coder templates push` would upload makes an archive of 1 MiB or more, which the CLI refuses.',
    fixable: false,
    blocksPush: true,
    messages: {
      // {{largest}} lists up to three files.
      tooLarge: tooLargeMessage('{{size}}'),
      // The folder walk stops once the archive is surely too large: the size is then a lower bound.
      tooLargeAtLeast: tooLargeMessage('at least {{size}}'),
    },
    tags: ['push-check'],
  },
  check({ module, report }) {
    const folder = module.folder;
    const anchor = folder && archiveTooBig(folder) ? folderAnchor(module.files) : undefined;
    if (!folder || !anchor) return;
    const largest = folder.entries
      .filter((e) => e.kind === 'file' && !skipReason(e.path))
      .sort((a, b) => b.size - a.size)
      .slice(0, 3)
      .map((e) => `\`${e.path}\` (${kib(e.size)})`);
    report({
      ...anchor,
      messageId: folder.complete ? 'tooLarge' : 'tooLargeAtLeast',
      data: { size: kib(archiveSize(folder.entries)), largest: largest.join(', ') },
    });
  },
});

function tooLargeMessage(size: string): string {
  return (
    `\`coder templates push\` uploads this folder as one archive, which must stay under ${kib(TEMPLATE_ARCHIVE_LIMIT)}; these files make ${size}. ` +
    `The CLI stops before uploading: \`Archive too big. Must be <= ${TEMPLATE_ARCHIVE_LIMIT} bytes\`. Largest: {{largest}}. ` +
    'Move what the template does not need out of the folder (names starting with `.` are not uploaded either).'
  );
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
