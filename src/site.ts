// Site configuration: plain constants that both the build (Node) and the Worker (workerd) import.

export const SITE = {
  name: "fmlops.dev",
  /** The canonical origin: every absolute URL the site prints starts with this. */
  baseUrl: "https://fmlops.dev",
  /** Requests for this host are redirected to the canonical one. */
  wwwHost: "www.fmlops.dev",
  language: "en",
  author: "fmlops.dev",
  description:
    "Essays on one kind of bug: the unwritten contract between two parts of a system, and the structural fix that writes it down.",
  introduction:
    "Every essay here is about one bug of a single shape: two parts of a system that share a convention nobody wrote down, and read it differently until something breaks. A handoff file with two writers, a cursor file whose absence means two things, an index that forgets a file on disk, a hash that flips on every fetch. The fix is never “be more careful”. It is a filename grammar, a hook, an audit, a marker on a generated file: a contract a machine checks.",
  /** How many essays the home page lists before linking to the full index. */
  homeEssayCount: 5,
  /** Reading speed used for "N min" on essays; a common figure for technical prose. */
  wordsPerMinute: 230,
} as const;
