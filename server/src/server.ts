import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serve } from './connection';

serve(createConnection(ProposedFeatures.all));
