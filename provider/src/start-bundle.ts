// Entry point of dist/provider/terraform-provider-cognitoidentity.js (made by
// provider/scripts/bundle.js), the file the launchers run: starts the provider
// bundle next to it with its code cache (plugin/bundle-loader.ts). __dirname is
// that file's directory once bundled. Like main.ts, it tells the plugin layer
// which provider it starts.

import { PROVIDER_IDENTITY } from './cognito/identity';
import { startProvider } from './plugin/bundle-loader';

startProvider(__dirname, PROVIDER_IDENTITY);
