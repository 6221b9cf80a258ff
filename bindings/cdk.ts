// Every import of the CDK for Terraform library goes through this file, so the
// bindings can be built against CDK Terrain (`cdktn`, the community
// continuation of cdktf) by changing the one module name below. See README.md.
export {
  ImportableResource,
  TerraformDataSource,
  TerraformElement,
  TerraformIterator,
  TerraformLocal,
  TerraformProvider,
  TerraformResource,
  Token,
  booleanToHclTerraform,
  call,
  booleanToTerraform,
  numberToHclTerraform,
  numberToTerraform,
  stringToHclTerraform,
  stringToTerraform,
} from 'cdktf';
export type { IResolvable, ITerraformDependable, TerraformMetaArguments } from 'cdktf';
