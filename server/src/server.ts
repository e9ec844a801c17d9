import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serve } from './connection';
import { useHclWorkers } from './service/hclWorkers';

// hcl-syntax runs in a child process: the Go parser never holds up completion or the tree-sitter
// diagnostics, and all the memory of its runtime is given back when it exits after ten idle seconds.
const pool = useHclWorkers(1, 10_000, 'process');
serve(createConnection(ProposedFeatures.all), pool?.check);
