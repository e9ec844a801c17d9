import type { TfFile } from './document';
import type { Declaration, Reference, RequiredProvider } from './fileIndex';
import type { HclBlock } from './syntax';
import { PROVIDERS, SchemaSet } from '../schema';
import type { ProviderName } from '../schema';
import type { PushedFolder } from './pushedFolder';

/**
 * What a module may know beyond its `.tf` files, supplied by whoever read them from disk. Both are
 * asked lazily, from lint only: completion and hover never touch the disk.
 */
export interface ModuleContext {
  /** The folder as `coder templates push` uploads it; undefined for an unsaved document or when unreadable. */
  folder?: () => PushedFolder | undefined;
  /** The module in another folder (a local module's `source`), or undefined when it cannot be read. */
  localModule?: (dir: string) => TemplateModule | undefined;
}

/**
 * A Terraform module: every `.tf` file of one folder. Declarations in any file count for all of them.
 * Built from the files' own indexes, so it costs a merge, never a parse.
 */
export class TemplateModule {
  private _declarations?: Map<string, Declaration[]>;
  private _references?: Reference[];
  private _requiredProviders?: RequiredProvider[];
  private _schemas?: SchemaSet;
  private _byKind?: Map<Declaration['kind'], Declaration[]>;
  private readonly _byType = new Map<string, Declaration[]>();
  private readonly generations: number[];
  private _folder?: { value: PushedFolder | undefined };

  constructor(
    /** The folder (absolute path), or the document's own key for an unsaved document. */
    readonly dir: string,
    readonly files: TfFile[],
    readonly context: ModuleContext = {},
  ) {
    this.generations = files.map((f) => f.generation);
  }

  /** The folder as pushed (read once per module snapshot), or undefined when not known. */
  get folder(): PushedFolder | undefined {
    this._folder ??= { value: this.context.folder?.() };
    return this._folder.value;
  }

  /** The module of another folder, when the reader of this one can read it. */
  localModule(dir: string): TemplateModule | undefined {
    return this.context.localModule?.(dir);
  }

  /**
   * Whether a file was parked since this module was built: its caches then hold nodes of freed trees.
   * The workspace builds a new module instead; anything that keeps a module across an `await` checks this.
   */
  get stale(): boolean {
    return this.files.some((f, i) => f.generation !== this.generations[i]);
  }

  /** Declarations by `kind:name`, e.g. `variable:namespace`, `resource:docker_container.workspace`. */
  get declarations(): Map<string, Declaration[]> {
    if (!this._declarations) {
      const map = new Map<string, Declaration[]>();
      for (const file of this.files) {
        for (const d of file.index.declarations) {
          const key = `${d.kind}:${d.name}`;
          const list = map.get(key);
          if (list) list.push(d);
          else map.set(key, [d]);
        }
      }
      this._declarations = map;
    }
    return this._declarations;
  }

  /** The declarations of one kind, in file and document order. Kept per snapshot: the rules ask for them often. Callers must not change the list. */
  declarationsOf(kind: Declaration['kind']): Declaration[] {
    if (!this._byKind) {
      const byKind = new Map<Declaration['kind'], Declaration[]>();
      for (const file of this.files) {
        for (const d of file.index.declarations) {
          const list = byKind.get(d.kind);
          if (list) list.push(d);
          else byKind.set(d.kind, [d]);
        }
      }
      this._byKind = byKind;
    }
    return this._byKind.get(kind) ?? [];
  }

  /** Resources or data sources of one type (all of the kind without a type). Callers must not change the list. */
  private ofType(kind: 'resource' | 'data', type?: string): Declaration[] {
    if (type === undefined) return this.declarationsOf(kind);
    const key = `${kind}:${type}`;
    let list = this._byType.get(key);
    if (!list) {
      list = this.declarationsOf(kind).filter((d) => d.resourceType === type);
      this._byType.set(key, list);
    }
    return list;
  }

  find(kind: Declaration['kind'], name: string): Declaration | undefined {
    return this.declarations.get(`${kind}:${name}`)?.[0];
  }

  /** Every reference of every file. Computed once per module snapshot, like `declarations`: rules and fixes read it often. */
  get references(): Reference[] {
    this._references ??= this.files.flatMap((f) => f.index.references);
    return this._references;
  }

  get requiredProviders(): RequiredProvider[] {
    this._requiredProviders ??= this.files.flatMap((f) => f.index.requiredProviders);
    return this._requiredProviders;
  }

  /** The provider schemas this module's `required_providers` constraints choose (see schema/choose.ts). */
  get schemas(): SchemaSet {
    if (!this._schemas) {
      const constraints: Partial<Record<ProviderName, string>> = {};
      for (const p of PROVIDERS) {
        const version = this.requiredProvider(p.source)?.version;
        if (version !== undefined) constraints[p.name] = version;
      }
      this._schemas = new SchemaSet(constraints);
    }
    return this._schemas;
  }

  /** The required_providers entry whose source is `ns/name` (or whose local name is `name` when no source is given). */
  requiredProvider(source: string): RequiredProvider | undefined {
    const localName = source.split('/').pop() ?? source;
    const normalized = (s: string) => s.toLowerCase().replace(/^registry\.terraform\.io\//, '');
    return (
      this.requiredProviders.find((p) => p.source && normalized(p.source) === source) ??
      this.requiredProviders.find((p) => !p.source && p.localName === localName)
    );
  }

  /** Top-level blocks of all files with the file they are in. */
  get blocks(): Array<{ block: HclBlock; file: TfFile }> {
    return this.files.flatMap((file) => file.index.blocks.map((block) => ({ block, file })));
  }

  resources(type?: string): Declaration[] {
    return this.ofType('resource', type);
  }

  dataSources(type?: string): Declaration[] {
    return this.ofType('data', type);
  }

  /**
   * A Coder template: declares a `coder_agent`, or a `data "coder_workspace"`, or lists `coder/coder` in
   * `terraform.required_providers` (RULES.md).
   */
  get isCoderTemplate(): boolean {
    return (
      this.resources('coder_agent').length > 0 ||
      this.dataSources('coder_workspace').length > 0 ||
      this.requiredProviders.some((p) => p.source?.toLowerCase().replace(/^registry\.terraform\.io\//, '') === 'coder/coder')
    );
  }
}
