import type { TfFile } from '../../model/document';

/**
 * Whether a fix may write a new top-level block `type "label" …` into the file. Not when a block of the
 * same type there has labels that are a proper prefix of the new ones or the other way round
 * (`data "coder_workspace" {}`, half typed, beside a new `data "coder_workspace" "me" {}`): Terraform's
 * parser reads both into one JSON object, one as a body and one as a map of bodies, and then refuses the
 * whole file. The rules do not see such a block as a declaration, so they would add one that breaks it.
 */
export function canDeclare(file: TfFile, type: string, labels: string[]): boolean {
  return !file.index.blocks.some((b) => {
    if (b.type !== type || b.labels.length === labels.length) return false;
    const shorter = b.labels.length < labels.length ? b.labels : labels;
    const longer = shorter === labels ? b.labels : labels;
    return shorter.every((l, i) => l === longer[i]);
  });
}
