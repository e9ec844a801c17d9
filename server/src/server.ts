import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serve } from './connection';
import { useHclWorkers } from './service/hclWorkers';

// hcl-syntax runs in a worker thread: the Go parser never holds up completion or the tree-sitter
// diagnostics, and the memory of its runtime is given back after ten idle seconds.
useHclWorkers(1, 10_000);
serve(createConnection(ProposedFeatures.all));
