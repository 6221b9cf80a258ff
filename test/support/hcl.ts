// Small helpers for writing Terraform configuration as strings in tests.

/** A quoted HCL string literal; template sequences are escaped so the text is taken literally. */
export function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** `name = "value"` lines for each defined entry (undefined entries are left out). */
export function hclAttributes(attrs: Record<string, string | number | boolean | undefined>, indent = '  '): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${indent}${k} = ${typeof v === 'string' ? hclString(v) : String(v)}`)
    .join('\n');
}
