// Entry point run by the root cdktf.json (`node dist/examples/cdktf/main.js`
// after `npm run build`). Writes cdktf.out/stacks/cognito-merge/cdk.tf.json.
import { App } from 'cdktf';
import { IdentityMergeError } from '../../bindings';
import { buildMergeExampleStack } from './stack';
import { ExampleSettingsError, settingsFromEnv } from './settings';

const app = new App();
try {
  buildMergeExampleStack(app, settingsFromEnv(process.env, app.node.tryGetContext('region')));
  app.synth();
} catch (err) {
  // Bad settings get their message only; anything else is a bug and keeps its stack.
  if (err instanceof ExampleSettingsError || err instanceof IdentityMergeError) {
    console.error(`error: ${err.message}`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
