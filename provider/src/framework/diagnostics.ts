// Diagnostics are how a provider talks to the user: errors stop the run,
// warnings are shown. They name the attribute they are about when they can.

/** One step into a value: an attribute name, a map key or a list index. */
export type PathStep = { attribute: string } | { key: string } | { index: number };
export type AttributePath = PathStep[];

export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  attribute?: AttributePath;
}

export function attributePath(...names: string[]): AttributePath {
  return names.map((attribute) => ({ attribute }));
}

export function errorDiag(summary: string, detail?: string, attribute?: string): Diagnostic {
  return { severity: 'error', summary, detail, attribute: attribute ? attributePath(attribute) : undefined };
}

export function warningDiag(summary: string, detail?: string, attribute?: string): Diagnostic {
  return { severity: 'warning', summary, detail, attribute: attribute ? attributePath(attribute) : undefined };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
