/**
 * Errors in content: every message names the file and, where known, the line and field,
 * and says what was expected. The loader gathers them all before it stops the build, so an
 * editor fixes a whole import in one pass.
 */
export interface ContentProblem {
  /** Path of the file, as shown to the editor (relative to the working directory when inside it). */
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(unsorted: ContentProblem[]) {
    const problems = [...unsorted].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(`The content has ${count}; nothing was built.\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // The message says all an editor needs; a stack trace into the loader would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}
