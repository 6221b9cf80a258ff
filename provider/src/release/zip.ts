// A zip of one executable, byte for byte the same on every build: fixed
// timestamp, fixed attributes, deflate at one level. Terraform's lock file
// records the zip's SHA-256 (zh:) and the unpacked package's hash (h1:), so
// any varying byte would break a lock file committed from another machine.

import { crc32, deflateRawSync } from 'node:zlib';

/** 1980-01-01 00:00, the first time a zip can hold (MS-DOS date format). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UNIX_HOST = 3;
const VERSION = 20; // 2.0: deflate
const EXECUTABLE_MODE = 0o100755;

export function zipOneFile(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name, 'utf8');
  const compressed = deflateRawSync(data, { level: 9 });
  const crc = crc32(data);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(VERSION, 4);
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  local.writeUInt16LE(0, 28);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((UNIX_HOST << 8) | VERSION, 4);
  local.copy(central, 6, 4, 30); // version needed .. extra length: the same as the local header
  central.writeUInt16LE(0, 32); // comment length
  central.writeUInt16LE(0, 34); // disk
  central.writeUInt16LE(0, 36); // internal attributes
  central.writeUInt32LE((EXECUTABLE_MODE << 16) >>> 0, 38); // unix mode in the high half
  central.writeUInt32LE(0, 42); // local header offset

  const centralOffset = local.length + fileName.length + compressed.length;
  const centralSize = central.length + fileName.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralOffset, 16);

  return Buffer.concat([local, fileName, compressed, central, fileName, end]);
}
