import type { PreviewFormType, PreviewParameter, PreviewValidation } from '../../../../shared/src/preview';
import { argument, literalInteger } from '../../model/coderValues';
import { coderParameters, CoderParameter } from '../../model/coderParameters';
import type { TemplateModule } from '../../model/module';
import { checkFormType, knownParameter, validationConfigErrors, valueError } from '../../model/parameterValidation';
import { fromArgument, locationOf, stringArg, unknown, UriOf, withDefault } from './values';

/** A finding's rule and where it starts, to tell which parameter it is about. */
export interface PlacedFinding {
  rule: string;
  file: string;
  offset: number;
}

/**
 * The template's parameters as Coder's create-workspace form lists them: lowest `order` first, equal
 * orders by name (the provider's documentation of `order`). A parameter whose order or name is unknown
 * keeps its place in the file after the known ones: where Coder puts it cannot be told.
 */
export function previewParameters(module: TemplateModule, findings: readonly PlacedFinding[], uriOf: UriOf): PreviewParameter[] {
  const out = coderParameters(module).map((p) => previewParameter(p, findings, uriOf));
  const sortable = out.filter((p) => p.order.known && p.name?.known);
  const rest = out.filter((p) => !sortable.includes(p));
  sortable.sort((a, b) => orderOf(a) - orderOf(b) || compare(nameOf(a), nameOf(b)));
  return [...sortable, ...rest];
}

const orderOf = (p: PreviewParameter) => (p.order.known ? p.order.value : 0);
const nameOf = (p: PreviewParameter) => (p.name?.known ? p.name.value : '');
/** Go compares strings byte-wise; for the names Coder allows this is code-unit order. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function previewParameter(p: CoderParameter, findings: readonly PlacedFinding[], uriOf: UriOf): PreviewParameter {
  const block = p.block;
  const file = p.declaration.file;
  const validation = p.validations?.[0]?.block;
  const hasDefault = fromArgument(p.default);
  return {
    address: `data.${p.declaration.name}`,
    name: fromArgument(p.name),
    displayName: stringArg(block, 'display_name'),
    description: stringArg(block, 'description'),
    type: withDefault(p.typeValue, 'string'),
    ...formTypeOf(p),
    icon: stringArg(block, 'icon'),
    options: p.options
      ? p.options.map((o) => ({
          name: stringArg(o.block, 'name'),
          value: stringArg(o.block, 'value'),
          description: stringArg(o.block, 'description'),
          icon: stringArg(o.block, 'icon'),
        }))
      : null,
    default: hasDefault,
    validation: validation
      ? {
          min: fromArgument(argument(validation, 'min', literalInteger)),
          max: fromArgument(argument(validation, 'max', literalInteger)),
          monotonic: stringArg(validation, 'monotonic'),
          regex: stringArg(validation, 'regex'),
          error: stringArg(validation, 'error'),
        }
      : null,
    order: withDefault(argument(block, 'order', literalInteger), 0),
    mutable: withDefault(p.mutable, false),
    ephemeral: withDefault(p.ephemeral, false),
    optional: p.default.state === 'unknown' ? unknown(p.default.node) : { known: true, value: hasDefault !== null },
    findings: [
      ...new Set(
        findings.filter((f) => f.file === file.path && f.offset >= p.declaration.node.startIndex && f.offset < p.declaration.node.endIndex).map((f) => f.rule),
      ),
    ].sort(),
    location: locationOf(file, p.declaration.node, uriOf),
  };
}

/** The form type in effect: written, or the first one the provider allows for the type and options. */
function formTypeOf(p: CoderParameter): { formType: PreviewFormType; formTypeError: string | null } {
  const result = (formType: PreviewFormType, formTypeError: string | null = null) => ({ formType, formTypeError });
  if (p.formType === undefined) return result({ ...unknown(p.formTypeValue.state === 'unknown' ? p.formTypeValue.node : p.block.node), inferred: false });
  const written = p.formType;
  const inferred = written === '';
  const known = (value: string): PreviewFormType => ({ known: true, value, inferred });
  if (!p.type) {
    const typeNode = p.typeValue.state === 'absent' ? undefined : p.typeValue.node;
    return result(inferred && typeNode ? { ...unknown(typeNode), inferred } : known(written));
  }
  if (!p.options) return result(inferred ? { known: false, text: 'dynamic "option"', inferred } : known(written));
  const outcome = checkFormType(p.type, p.options.length > 0, written);
  if ('error' in outcome) return result(known(written), outcome.error);
  return result(known(outcome.formType));
}

/**
 * A value typed in the preview's form, checked as the provider checks a value the user gives
 * (`ValidateInput`): the options, then the `validation` block, then the type.
 */
export function validateValue(module: TemplateModule, address: string, value: string): PreviewValidation {
  const parameter = coderParameters(module).find((p) => `data.${p.declaration.name}` === address);
  if (!parameter) return { status: 'unknown', reason: `${address} is no longer in the template` };
  const known = knownParameter(parameter);
  if (!known) return { status: 'unknown', reason: 'the parameter depends on values the template does not spell out' };
  if (known.validation && validationConfigErrors(known.type, known.validation).length > 0) {
    return { status: 'unknown', reason: "the parameter's validation block is itself invalid" };
  }
  const error = valueError(known, value, false);
  return error ? { status: 'error', summary: error.summary, detail: error.detail } : { status: 'ok' };
}

