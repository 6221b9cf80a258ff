// The provider executable: serves the Cognito Identity provider over the
// Terraform plugin protocol. The stdout guard is imported first so nothing
// printed while modules load can corrupt the handshake line. The provider
// itself loads after the handshake line is out (plugin/serve.ts says why).

import './plugin/stdout-guard';
import { runPlugin } from './plugin/serve';
import { PROVIDER_IDENTITY } from './cognito/identity';

runPlugin(PROVIDER_IDENTITY, async () => (await import('./cognito/provider')).cognitoProvider);
