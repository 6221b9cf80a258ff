// The provider executable: serves the Cognito Identity provider over the
// Terraform plugin protocol. The stdout guard is imported first so nothing
// printed while modules load can corrupt the handshake line.

import './plugin/stdout-guard';
import { runPlugin } from './plugin/serve';
import { cognitoProvider } from './cognito/provider';

runPlugin(cognitoProvider);
