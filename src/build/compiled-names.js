// What the compiled build is made of, as the compiler (compile-build.ts), the runner
// (compiled-build.js) and the render pool agree on it, and the render worker's module among the
// sources, which the entry starts early (see early-workers.js). A module of its own so the render
// pool, which is compiled into the build, takes these names without the runner's code.

/** The render worker's module among the sources, beside main.js and the render pool. */
export const SOURCE_WORKER = "render-worker.ts";

/** The compiled modules' extension: CommonJS, for the runner's vm.Script. */
export const COMPILED_EXTENSION = ".cjs";
/** The compiled CLI module's file name. */
export const COMPILED_CLI = `cli${COMPILED_EXTENSION}`;
/** The compiled render worker's file name, beside the CLI. */
export const COMPILED_WORKER = `render-worker${COMPILED_EXTENSION}`;
/**
 * Packages left out of the compiled build and required from node_modules when first used.
 * @type {readonly string[]}
 */
export const EXTERNAL = ["esbuild"];
