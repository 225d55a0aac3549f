import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MEMO_FOLDER, openMemo } from "../../src/build/memo.ts";
import { tempPosts, VALID_ESSAY, type TempPosts } from "../support/temp-posts.ts";

let dir: string | undefined;
let posts: TempPosts | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  posts?.remove();
});

describe("the build's memo", () => {
  it("computes a value once per key, keeps one key per name, and never keeps what `keep` refuses", async () => {
    dir = mkdtempSync(join(tmpdir(), "fmlops-memo-"));
    const memo = openMemo(dir);
    let calls = 0;
    const compute = (value: string) => async () => {
      calls++;
      return { value };
    };
    expect(await memo.remember("thing", "k1", compute("one"))).toEqual({ value: "one" });
    expect(await memo.remember("thing", "k1", compute("changed"))).toEqual({ value: "one" });
    expect(calls).toBe(1);
    expect(await memo.remember("thing", "k2", compute("two"))).toEqual({ value: "two" });
    expect(readdirSync(dir)).toEqual(["thing.k2.json"]);
    expect(await memo.remember("failure", "k1", compute("no"), () => false)).toEqual({ value: "no" });
    expect(await memo.remember("failure", "k1", compute("again"), () => false)).toEqual({ value: "again" });
    expect(readdirSync(dir)).toEqual(["thing.k2.json"]);
  });

  it("gives a build the same stylesheet and headers as a build without it", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY });
    const headers = (): string => readdirSync(posts?.publicDir ?? "").filter((name) => name.startsWith("style.") || name === "_headers").sort().join(" ");
    const cold = await posts.build("production", { cache: false });
    const coldFiles = headers();
    await posts.build();
    const warm = await posts.build();
    expect(readdirSync(join(posts.cacheDir, MEMO_FOLDER)).map((name) => name.split(".")[0]).sort()).toEqual(["security-headers", "stylesheet"]);
    expect(warm.manifest.stylesheet).toBe(cold.manifest.stylesheet);
    expect(warm.manifest.securityHeaders).toEqual(cold.manifest.securityHeaders);
    expect(headers()).toBe(coldFiles);
  });
});
