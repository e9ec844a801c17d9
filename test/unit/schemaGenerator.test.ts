import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { share } from '../../scripts/schemas/dedupe';
import { parseSchemaSection } from '../../scripts/schemas/docs';
import { GoPackage } from '../../scripts/schemas/go/evaluator';
import { tokenize } from '../../scripts/schemas/go/lexer';
import { parseGoFile } from '../../scripts/schemas/go/parser';
import { resourceBlock, SdkContext } from '../../scripts/schemas/sdk';
import type { ProviderSchemaFile, SchemaBlock } from '../../server/src/schema/format';

/** A small provider of our own, in the style terraform-plugin-sdk providers are written. */
const PROVIDER_GO = `package p

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/validation"
)

type Mode string

const (
	ModeA Mode = "a"
	ModeB Mode = "b"
)

var nameRe = regexp.MustCompile(\`^[a-z]+$\`)

func Modes() []Mode { return []Mode{ModeA, ModeB} }

func toStrings[T ~string](l []T) []string {
	var r []string
	for _, v := range l {
		r = append(r, string(v))
	}
	return r
}

func atLeast(n int) schema.SchemaValidateFunc {
	return func(v interface{}, k string) ([]string, []error) { return nil, nil }
}

func spec(updatable bool) map[string]*schema.Schema {
	s := map[string]*schema.Schema{
		"mode": {Type: schema.TypeString, Optional: true, Default: "a", ValidateFunc: validation.StringInSlice(toStrings(Modes()), false)},
		"size": {Type: schema.TypeInt, Required: true, ValidateFunc: validation.IntBetween(1, 10)},
		"name": {
			Type:     schema.TypeString,
			Optional: true,
			ValidateDiagFunc: func(v any, p cty.Path) diag.Diagnostics {
				s, ok := v.(string)
				if !ok {
					return diag.Errorf("not a string")
				}
				if !nameRe.MatchString(s) {
					return diag.Errorf("bad name")
				}
				if len(s) > 20 {
					return diag.Errorf("too long")
				}
				return nil
			},
		},
		"ttl": {
			Type:     schema.TypeInt,
			Optional: true,
			ValidateFunc: func(v interface{}, k string) ([]string, []error) {
				n := v.(int)
				if n == 0 {
					return nil, nil
				}
				if n < 60 {
					return nil, []error{fmt.Errorf("too short")}
				}
				return nil, nil
			},
		},
		"share": {
			Type:     schema.TypeString,
			Optional: true,
			ValidateDiagFunc: func(v any, p cty.Path) diag.Diagnostics {
				switch v.(string) {
				case "owner", "public":
					return nil
				}
				return diag.Errorf("bad share")
			},
		},
		"items": {Type: schema.TypeList, Optional: true, MinItems: 1, Elem: &schema.Resource{Schema: map[string]*schema.Schema{"k": {Type: schema.TypeString, Required: true}}}},
		"spec":  {Type: schema.TypeList, Required: true, MaxItems: 1, Elem: &schema.Resource{Schema: map[string]*schema.Schema{"replicas": {Type: schema.TypeInt, Optional: true, ValidateFunc: atLeast(1)}}}},
		"status": {Type: schema.TypeList, Computed: true, Elem: &schema.Resource{Schema: map[string]*schema.Schema{"phase": {Type: schema.TypeString, Computed: true}}}},
		"host":  {Type: schema.TypeString, Required: true, DefaultFunc: schema.EnvDefaultFunc("HOST", "x")},
		"ports": {Type: schema.TypeSet, Optional: true, Elem: &schema.Schema{Type: schema.TypeInt, ValidateFunc: validation.IsPortNumber}},
	}
	if !updatable {
		s["size"].ForceNew = true
	} else {
		delete(s, "status")
	}
	s["tags"] = &schema.Schema{Type: schema.TypeMap, Optional: true}
	return s
}

func resourceThing() *schema.Resource {
	return &schema.Resource{
		Timeouts: &schema.ResourceTimeout{Create: schema.DefaultTimeout(1)},
		Schema:   spec(false),
	}
}
`;

function thing(named: SdkContext['named'] = {}): { block: SchemaBlock; ctx: SdkContext } {
  const pkg = new GoPackage([parseGoFile('thing.go', PROVIDER_GO)]);
  const ctx: SdkContext = { named, unread: new Map(), problems: [], resolve: (name) => pkg.evaluate({ k: 'ident', name }) };
  return { block: resourceBlock(pkg.call('resourceThing'), 'resource.p_thing', ctx), ctx };
}

describe('the schema generator', () => {
  it('lexes Go with its automatic semicolons, raw strings and escapes', () => {
    const tokens = tokenize('x := "a\\tb"\ny := `c\\d`\nreturn\n');
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['x', ':=', 'a\tb', ';', 'y', ':=', 'c\\d', ';', 'return', ';', ''],
    );
  });

  it('parses every declaration of a file, and records what it cannot read without losing the rest', () => {
    const file = parseGoFile('f.go', 'package p\n\nfunc ok() int { return 1 }\n\nfunc broken( { \n}\n\nfunc alsoOk() int { return 2 }\n');
    assert.deepEqual(file.funcs.map((f) => f.name), ['ok', 'alsoOk']);
    assert.equal(file.failures.length, 1);
  });

  it('runs schema functions: arguments, generics, constants, loops, map edits and conditionals', () => {
    const { block, ctx } = thing();
    assert.deepEqual(ctx.problems, []);
    assert.deepEqual(Object.keys(block.attributes ?? {}).sort(), ['host', 'id', 'mode', 'name', 'ports', 'share', 'size', 'status', 'tags', 'ttl']);
    assert.deepEqual(block.attributes!.mode, { type: 'string', optional: true, default: 'a', allowed_values: ['a', 'b'] });
    assert.deepEqual(block.attributes!.size, { type: 'number', required: true, minimum: 1, maximum: 10 });
    assert.deepEqual(block.attributes!.tags, { type: ['map', 'string'], optional: true });
    assert.deepEqual(block.attributes!.ports, { type: ['set', 'number'], optional: true, elements: { minimum: 1, maximum: 65535 } });
  });

  it('follows terraform-plugin-sdk: blocks, computed lists of objects, optional min items, default functions, id and timeouts', () => {
    const { block } = thing();
    assert.deepEqual(block.block_types!.items, { nesting_mode: 'list', block: { attributes: { k: { type: 'string', required: true } } } }, 'an optional block has no minimum');
    assert.equal(block.block_types!.spec!.min_items, 1);
    assert.equal(block.block_types!.spec!.max_items, 1);
    assert.deepEqual(block.attributes!.status, { type: ['list', ['object', { phase: 'string' }]], computed: true });
    assert.deepEqual(block.attributes!.host, { type: 'string', optional: true }, 'required with a default function: optional');
    assert.deepEqual(block.attributes!.id, { type: 'string', optional: true, computed: true });
    assert.deepEqual(block.block_types!.timeouts, { nesting_mode: 'single', block: { attributes: { create: { type: 'string', optional: true } } } });
  });

  it('reads validators: function literals state what they reject; an early success for one value accepts it before the other checks', () => {
    const { block } = thing({ atLeast: ([n]) => (typeof n === 'number' ? { minimum: n } : undefined) });
    assert.deepEqual(block.attributes!.name, { type: 'string', optional: true, pattern: '^[a-z]+$', max_length: 20 });
    assert.deepEqual(block.attributes!.share, { type: 'string', optional: true, allowed_values: ['owner', 'public'] });
    assert.deepEqual(block.attributes!.ttl, { type: 'number', optional: true, also_allowed: [0], minimum: 60 }, '0 is accepted before the range check');
    const spec = block.block_types!.spec!.block as SchemaBlock;
    assert.equal(spec.attributes!.replicas!.minimum, 1, 'a validator factory is known by name and arguments');
  });

  it('reads tfplugindocs pages: sections, nesting, limits, flags and object types', () => {
    const page = [
      '# x_thing (Resource)', '', '## Schema', '', '### Required', '',
      '- `name` (String) The name.',
      '- `spec` (Block List, Min: 1, Max: 1) The spec. (see [below for nested schema](#nestedblock--spec))', '',
      '### Optional', '',
      '- `labels` (Map of String) Labels.',
      '- `secret` (String, Sensitive) A secret.',
      '- `old` (Boolean, Deprecated) Old.', '',
      '### Read-Only', '',
      '- `id` (String) The ID.',
      '- `status` (List of Object) (see [below for nested schema](#nestedatt--status))', '',
      '<a id="nestedblock--spec"></a>', '### Nested Schema for `spec`', '', 'Optional:', '',
      '- `replicas` (Number) Count.', '',
      '<a id="nestedatt--status"></a>', '### Nested Schema for `status`', '', 'Read-Only:', '',
      '- `phase` (String)', '',
      '## Import', '', '- `ignored` (String) after the schema section',
    ].join('\n');
    assert.deepEqual(parseSchemaSection(page, 'thing.md'), {
      attributes: {
        name: { type: 'string', required: true },
        labels: { type: ['map', 'string'], optional: true },
        secret: { type: 'string', optional: true, sensitive: true },
        old: { type: 'bool', optional: true, deprecated: true },
        id: { type: 'string', computed: true },
        status: { type: ['list', ['object', { phase: 'string' }]], computed: true },
      },
      block_types: { spec: { nesting_mode: 'list', min_items: 1, max_items: 1, block: { attributes: { replicas: { type: 'number', optional: true } } } } },
    });
  });

  it('stores a large repeated block once and refers to it', () => {
    const big: SchemaBlock = { attributes: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`attribute_${i}`, { type: 'string', optional: true }])) };
    const file: ProviderSchemaFile = {
      format_version: 1,
      provider: { name: 'x', source: 'x/x', version: '1.0.0', docs: '' },
      generated_from: { repository: '', ref: '', commit: '', structure: 'docs' },
      provider_config: {},
      resource_schemas: {
        x_a: { block: { block_types: { spec: { nesting_mode: 'list', block: structuredClone(big) } } } },
        x_b: { block: { block_types: { template: { nesting_mode: 'list', block: structuredClone(big) } } } },
      },
      data_source_schemas: {},
      blocks: {},
    };
    const shared = share(file);
    assert.deepEqual(Object.keys(shared.blocks), ['b0']);
    assert.deepEqual((shared.resource_schemas.x_a!.block as SchemaBlock).block_types!.spec!.block, { $ref: 'b0' });
    assert.deepEqual((shared.resource_schemas.x_b!.block as SchemaBlock).block_types!.template!.block, { $ref: 'b0' });
  });
});
