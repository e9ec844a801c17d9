import { addressOf, TemplateResource } from '../../model/coderResources';
import type { MessageData } from '../types';

/**
 * The three ways a name Coder keeps unique across the template is repeated (see `duplicateInstances`):
 * one resource with several instances, or a later resource repeating an earlier one that is in the
 * template itself or comes through a module call.
 */
export type RepeatMessageId = 'repeatedInstances' | 'alreadyUsed' | 'alreadyUsedThroughModule';

/**
 * Which situation this repeat is, with its data: `{{address}}` and `{{instances}}` for the first,
 * `{{first}}` (and `{{module}}`) for the others. The rule adds the repeated value itself.
 */
export function repeatOf(resource: TemplateResource, first: TemplateResource, value: MessageData): { messageId: RepeatMessageId; data: MessageData } {
  if (resource === first) return { messageId: 'repeatedInstances', data: { ...value, address: addressOf(resource), instances: String(resource.instances) } };
  if (first.own) return { messageId: 'alreadyUsed', data: { ...value, first: addressOf(first) } };
  return { messageId: 'alreadyUsedThroughModule', data: { ...value, first: addressOf(first), module: first.owner.address } };
}
