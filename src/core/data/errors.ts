import type { z } from 'zod';

/** A data file that cannot be used: every problem, each as "file: path: reason". */
export class DataError extends Error {
  constructor(readonly problems: string[]) {
    super(`the role data is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'DataError';
  }
}

/** `roles[7].salary.us.mid.min` from zod's ['roles', 7, 'salary', ...]. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

export function formatZodIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const reason = issue.message.replace(/^Invalid input: /, '');
    return `${file}: ${formatPath(issue.path)}: ${reason}`;
  });
}
