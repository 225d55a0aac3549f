// A problem: what is wrong, in which file, on which line. The build, the dev loop and the check
// collect a run's problems and print them together, one way.

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

/** Prints every problem as file:line: message, then `outcome` ("build failed: 2 problems; …"). */
export const printProblems = (problems: readonly Problem[], outcome: string, prefix = ""): void => {
  for (const problem of problems) console.error(`${prefix}${formatProblem(problem)}`);
  console.error(`${prefix}${outcome.replace("%n", count(problems.length, "problem"))}`);
};

/** Thrown by the build when problems were found; nothing but the render cache has been written. */
export class BuildFailed extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`build failed with ${count(problems.length, "problem")}:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "BuildFailed";
    this.problems = problems;
  }
}

/** A problem on `line` of `file`, when there is a line to point at. */
export const problemAt = (file: string, line: number | undefined, message: string): Problem =>
  line === undefined ? { file, message } : { file, line, message };
