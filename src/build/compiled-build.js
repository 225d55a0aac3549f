// Where the build compiled into plain JavaScript is (compile-build.ts makes it), and how it is run:
// one CommonJS module for the CLI (cli.ts) and one for the render worker, libraries included, kept
// under a hash of everything compiled into them: the build's sources, the shared modules it
// imports, npm's record of what it installed (node_modules/.package-lock.json: every library's
// exact version), and the versions of Node and esbuild. Node then loads two files instead of
// stripping the types of and resolving some eighty modules, which was most of a rebuild's time. A
// change to any source compiles it again (a fifth of a second, once); a failure to compile falls
// back to the sources, whose own error is then the one the author sees.
//
// The CLI module is run through vm.Script so that V8's code cache for it can be written after a
// run rather than before: it then holds every function that run compiled, where the cache Node
// keeps for modules holds only what compiling the module's top level compiles. The functions a
// build calls compiled lazily were about a tenth of a rebuild's time. The cache is kept from the
// first rebuild-sized build (see rebuildProblem) and from the first check; V8 refuses one made
// under other V8 flags (`--cpu-prof`, say), and such a run writes it anew for its flags.
// `NODE_DEBUG=fmlops` says what became of it. The render worker is loaded by Node as it is.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { debuglog } from "node:util";
import { Script } from "node:vm";
import { COMPILED_CLI, EXTERNAL } from "./compiled-names.js";
import { filesUnder } from "./files.js";
import { CACHE_FOLDER, projectPaths } from "./paths.js";
import { writeAtomic } from "./write-atomic.js";

/** The compiled builds' folder; one build per hash below it. */
const COMPILED_FOLDER = join(CACHE_FOLDER, "compiled");
const debug = debuglog("fmlops");

/** npm's record of the packages it installed, written by every `npm ci` and `npm install`. */
const INSTALLED = join("node_modules", ".package-lock.json");

/**
 * The hash of everything compiled into the build.
 * @param {string} root
 * @returns {string}
 */
const sourcesHash = (root) => {
  const hash = createHash("sha256").update(`node ${process.version}\0`);
  const esbuild = /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(root, "node_modules", "esbuild", "package.json"), "utf8")));
  hash.update(`esbuild ${esbuild.version}\0`);
  // The shared modules are the .ts files directly in src/: listed without walking src/generated.
  const shared = readdirSync(join(root, "src"), { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(".ts"));
  const sources = [...filesUnder(join(root, "src", "build")), ...shared.map((entry) => join(root, "src", entry.name)).sort(), join(root, INSTALLED)];
  for (const file of sources) {
    const bytes = readFileSync(file);
    hash.update(`${relative(root, file)}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex").slice(0, 32);
};

/** @typedef {typeof import("./cli.ts")} Cli */

/**
 * The compiled CLI, and a way to keep the code V8 compiled from it for the next run of its kind,
 * given what the run did.
 * @typedef {{ readonly cli: Cli; readonly keepCode: (run: import("./cli.ts").CliRun) => void }} CompiledCli
 */

/** At most this many posts rendered, a build is the rebuild the build's code cache is for. */
const REBUILD_POSTS = 8;

/**
 * Why a build's run would make a poor code cache for rebuilds, or null when it makes a good one. A
 * build that rendered nothing ran little of the renderer. One that rendered many ran code no
 * rebuild runs, and long enough for V8 to drop the code of functions it called early: in a project
 * of 80 posts, a rebuild after one edit took 116 ms with a full build's cache, 111 ms with a
 * rebuild's (medians of 12 alternating runs).
 * @param {import("./cli.ts").CliRun} run
 * @returns {string | null}
 */
const rebuildProblem = ({ exitCode, rendered }) => {
  if (exitCode !== 0) return "the build failed";
  if (rendered === 0) return "the build rendered no post";
  return rendered > REBUILD_POSTS ? `the build rendered ${rendered} posts, more than a rebuild` : null;
};

/** @param {Uint8Array} data */
const digest = (data) => createHash("sha256").update(data).digest();
const DIGEST_LENGTH = 32;

/**
 * The code cache in `file`, or undefined when there is none or its bytes are not what was written:
 * V8 checks that a cache fits the source and its own version, but a release build of V8 does not
 * check the bytes themselves, so they carry a digest.
 * @param {string} file
 * @returns {Buffer | undefined}
 */
const readCodeCache = (file) => {
  if (!existsSync(file)) {
    debug("code cache: none in %s", file);
    return undefined;
  }
  const bytes = readFileSync(file);
  const data = bytes.subarray(DIGEST_LENGTH);
  if (bytes.length > DIGEST_LENGTH && digest(data).equals(bytes.subarray(0, DIGEST_LENGTH))) return data;
  debug("code cache: damaged, not used: %s", file);
  return undefined;
};

/**
 * What the compiled modules may require at run time: Node's own modules and the EXTERNAL packages.
 * Everything else is bundled, so another name is a library probing for an optional package
 * (js-yaml probes for esprima, for a YAML type the build's schema never reads): it is told there
 * is none, as it would be were the package not installed, instead of loading it. (The render
 * worker, which Node loads, still finds esprima: it costs the worker a few milliseconds, once.)
 * @param {string} entry
 * @returns {(id: string) => unknown}
 */
const compiledRequire = (entry) => {
  const fromProject = createRequire(entry);
  return (id) => {
    const builtin = process.getBuiltinModule(id);
    if (builtin !== undefined) return builtin;
    if (EXTERNAL.includes(id)) return fromProject(id);
    throw Object.assign(new Error(`Cannot find module '${id}': the compiled build requires only Node's modules and ${EXTERNAL.join(", ")}`), { code: "MODULE_NOT_FOUND" });
  };
};

/**
 * Runs the compiled CLI module in `dir`, with the code cache that runs of `kind` left.
 * @param {string} dir
 * @param {string} entry
 * @param {"build" | "check"} kind
 * @returns {CompiledCli}
 */
const runCompiled = (dir, entry, kind) => {
  const file = join(dir, COMPILED_CLI);
  // A check calls few of the functions a build does, so each keeps a code cache of its own.
  const cacheFile = join(dir, `${kind}.code-cache`);
  const cachedData = readCodeCache(cacheFile);
  // Node's own wrapper for a CommonJS module, on a line of its own so the module's lines keep their numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${readFileSync(file, "utf8")}\n})`, { filename: file, lineOffset: -1, ...(cachedData && { cachedData }) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, compiledRequire(entry), module, file, dir);
  // V8 says false only of a cache it was given and took.
  const accepted = script.cachedDataRejected === false;
  if (cachedData !== undefined) debug("code cache: %s", accepted ? "accepted" : "rejected by V8");
  return {
    cli: /** @type {Cli} */ (module.exports),
    keepCode: (run) => {
      if (accepted) return;
      const problem = kind === "build" ? rebuildProblem(run) : null;
      if (problem !== null) {
        debug("code cache: not kept, %s", problem);
        return;
      }
      const data = script.createCachedData();
      try {
        writeAtomic(cacheFile, Buffer.concat([digest(data), data]));
        debug("code cache: kept, %d bytes", data.length);
      } catch (error) {
        // Only a later run's speed depends on it: the build that just passed stays passed.
        debug("code cache: could not be kept: %s", error);
      }
    },
  };
};

/**
 * The compiled CLI for the sources as they are now, compiling it if need be; null when it cannot
 * be told what was installed, or esbuild cannot compile the sources.
 * @param {string} entry the build's entry (main.js), which says where the project is
 * @param {"build" | "check"} kind what the run does, whose code cache it reads and keeps
 * @returns {Promise<CompiledCli | null>}
 */
export const compiledCli = async (entry, kind) => {
  const { root } = projectPaths(entry);
  if (!existsSync(join(root, INSTALLED))) return null;
  const dir = join(root, COMPILED_FOLDER, sourcesHash(root));
  if (!existsSync(join(dir, COMPILED_CLI))) {
    const { compileBuild } = await import("./compile-build.ts");
    if (!(await compileBuild(root, dir))) return null;
  }
  return runCompiled(dir, entry, kind);
};
