// One platform's release zip: the SEA executable under the name Terraform
// expects, zipped so that every build of the same version gives the same bytes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildExecutable } from './sea';
import { executableName, targetFor, zipName } from './targets';
import { zipOneFile } from './zip';

export interface PackageOptions {
  platform: string;
  version: string;
  bundle: string;
  workDir: string;
  cacheDir?: string;
}

export interface BuiltPackage {
  platform: string;
  fileName: string;
  zip: Buffer;
  executableBytes: number;
}

export async function buildPackage(options: PackageOptions): Promise<BuiltPackage> {
  const target = targetFor(options.platform);
  const exe = path.join(options.workDir, `${options.platform}-${executableName(options.version, target)}`);
  try {
    const bytes = await buildExecutable({ target, bundle: options.bundle, workDir: options.workDir, cacheDir: options.cacheDir }, exe);
    return {
      platform: options.platform,
      fileName: zipName(options.version, options.platform),
      zip: zipOneFile(executableName(options.version, target), bytes),
      executableBytes: bytes.length,
    };
  } finally {
    fs.rmSync(exe, { force: true });
  }
}

/** The full provider bundle that `npm run build` writes for SEA builds. */
export function seaBundlePath(distProvider: string): string {
  return path.join(distProvider, 'provider-sea.js');
}
