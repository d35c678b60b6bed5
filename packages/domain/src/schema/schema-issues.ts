import type { z } from 'zod';

/** One reason a payload was refused, with the path of the field as zod gives it (`['attachments', 0, 'uri']`). */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

export function schemaIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message }));
}

/** `attachments[0].uri`, or `(root)` when the payload itself is wrong. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

export function describeIssues(issues: readonly SchemaIssue[]): string {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
}
