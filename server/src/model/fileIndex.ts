/** The file index's entries as every reader sees them: bound to TfFile (the reading is in indexing.ts). */
import type { TfFile } from './document';
import type * as indexing from './indexing';

export type { DeclarationKind, ReferenceKind } from './indexing';
export type Declaration = indexing.Declaration<TfFile>;
export type Reference = indexing.Reference<TfFile>;
export type RequiredProvider = indexing.RequiredProvider<TfFile>;
export type FileIndex = indexing.FileIndex<TfFile>;
