// postject ships no types; this is the one function we call.
declare module 'postject' {
  export function inject(file: string, resource: string, data: Buffer, options: { sentinelFuse: string; machoSegmentName?: string }): Promise<void>;
}
