// Terraform reads the provider's first stdout line as the handshake and
// ignores the rest, so anything else printed there would break the launch or
// vanish. Importing this module first sends every later stdout write,
// console.log included, to stderr; only writeHandshakeLine reaches stdout.

const realStdoutWrite = process.stdout.write.bind(process.stdout);

process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
console.log = console.error;
console.info = console.error;
console.debug = console.error;

/** Writes the handshake line to the real stdout. */
export function writeHandshakeLine(line: string): void {
  realStdoutWrite(line);
}
