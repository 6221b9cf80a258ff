// Entry point of dist/provider/terraform-provider-cognitoidentity.js (made by
// provider/scripts/bundle.js): the provider bundle and its code cache sit next
// to that file, and __dirname is that file's directory once bundled.

import { startProvider } from './bundle-loader';

startProvider(__dirname);
