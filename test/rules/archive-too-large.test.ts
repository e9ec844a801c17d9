import { archiveTooLarge } from '../../server/src/rules/archive-too-large';
import { ruleTable } from '../helpers/ruleTester';

const main = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(archiveTooLarge, {
  valid: [
    {
      name: 'large files the CLI leaves out: provider caches, state, dot-folders',
      files: main,
      folder: { entries: { '.terraform/providers/coder': 30_000_000, 'terraform.tfstate': 5_000_000, '.cache/image.tar': 800_000_000, 'README.md': 2_000 } },
    },
    { name: 'just under the limit', files: main, folder: { entries: { 'image.png': 1_000_000 } } },
  ],
  invalid: [
    {
      name: 'a large file in the folder',
      files: main,
      folder: { entries: { 'build/rootfs.tar': 3_500_000, 'README.md': 2_000 } },
      findings: [
        {
          at: 'data "coder_workspace" "me" {}',
          messageId: 'tooLarge', message: /^`coder templates push` uploads this folder as one archive, which must stay under 1\.0 MiB; these files make 3\.3 MiB\. The CLI stops before uploading: `Archive too big\. Must be <= 1048576 bytes`\. Largest: `build\/rootfs\.tar` \(3\.3 MiB\), `README\.md` \(2 KiB\), `main\.tf` \(1 KiB\)\. /,
        },
      ],
    },
    {
      name: 'many small files add up, headers included',
      files: main,
      folder: { entries: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`docs/page-${i}.md`, 600])) },
      findings: [{ at: 'data "coder_workspace" "me" {}', messageId: 'tooLarge', message: /these files make 1\.5 MiB/ }],
    },
    {
      name: 'a walk that stopped early: the size is a lower bound',
      files: main,
      folder: { entries: { 'build/rootfs.tar': 3_500_000 }, complete: false },
      findings: [{ at: 'data "coder_workspace" "me" {}', messageId: 'tooLargeAtLeast', message: /these files make at least 3\.3 MiB\. The CLI stops/ }],
    },
  ],
});
