// A build problem: what is wrong, in which file, on which line. The build collects every problem
// of a run and reports them together, so the author fixes them all in one pass.

export interface Problem {
  /** Path relative to the project root, as the author would type it. */
  readonly file: string;
  /** 1-based line, when the problem has one. */
  readonly line?: number;
  readonly message: string;
}

/** "1 problem", "3 problems". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

export const formatProblem = ({ file, line, message }: Problem): string =>
  line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;

/** Thrown by the build entry points when problems were found; nothing has been written. */
export class BuildFailed extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`build failed with ${count(problems.length, "problem")}:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "BuildFailed";
    this.problems = problems;
  }
}
