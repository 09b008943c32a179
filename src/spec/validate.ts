/**
 * Validation with messages people can act on: `layers[2].url: expected a URL, got 42`.
 */
import type { z } from 'zod';

export interface SpecIssue {
  /** JSON path in dot/bracket form, e.g. `layers[2].url`; empty for the document itself. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

export type Validation<T> =
  | { ok: true; value: T; issues: [] }
  | { ok: false; issues: SpecIssue[]; /** All issues, one per line. */ message: string };

/** `['layers', 2, 'url']` → `layers[2].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** A short, safe rendering of a value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const s = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return JSON.stringify(s);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** The offending value: for a discriminator issue zod reports the whole object, so take its field. */
function offendingValue(issue: z.core.$ZodIssue): unknown {
  const last = issue.path.at(-1);
  const input = issue.input;
  if (issue.code === 'invalid_union' && typeof last === 'string' && input && typeof input === 'object' && !Array.isArray(input)) {
    return (input as Record<string, unknown>)[last];
  }
  return input;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown ${issue.keys.length === 1 ? 'property' : 'properties'} ${keys}`;
  }
  let text = issue.message;
  // zod's own wording ("Invalid input: expected string, received number") → ours
  const m = /^Invalid input: expected (.+?)(?:, received .*)?$/.exec(text);
  if (m) text = `expected ${m[1]}`;
  if (!text.startsWith('expected')) return text;
  const value = offendingValue(issue);
  return value === undefined ? `${text}, but it is missing` : `${text}, got ${describeValue(value)}`;
}

/** Turns zod issues into path-and-message pairs, deepest union branch first. */
export function toSpecIssues(issues: readonly z.core.$ZodIssue[], basePath: readonly PropertyKey[] = []): SpecIssue[] {
  const out: SpecIssue[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // report the branch that got furthest (the one with the deepest paths)
      const ranked = issue.errors
        .map((branch) => toSpecIssues(branch, path))
        .sort((a, b) => depth(b) - depth(a));
      out.push(...ranked[0]!);
      continue;
    }
    out.push({ path: formatPath(path), message: issueMessage(issue) });
  }
  return out;
}

function depth(issues: SpecIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.split(/[.[]/).length));
}

/** Validates `input` against `schema`, returning the parsed value or readable issues. */
export function validateWith<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data, issues: [] };
  const issues = toSpecIssues(result.error.issues);
  return {
    ok: false,
    issues,
    message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'),
  };
}
