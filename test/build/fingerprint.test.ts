import { describe, expect, it } from "vitest";
import { essay, tempPosts, VALID_ESSAY } from "../support/temp-posts.ts";

const build = async (files: Record<string, string>) => {
  const posts = tempPosts(files);
  try {
    return (await posts.build()).manifest;
  } finally {
    posts.remove();
  }
};

const ONE = { "2026-01-01-one.md": VALID_ESSAY, "2026-02-01-two.md": VALID_ESSAY, "2026-03-01-three.md": VALID_ESSAY };

describe("fingerprints", () => {
  it("are equal for equal posts, wherever the posts folder is", async () => {
    const fingerprints = (manifest: Awaited<ReturnType<typeof build>>) => manifest.essays.map((e) => [e.fingerprint, e.chain, e.pageFingerprint]);
    expect(fingerprints(await build(ONE))).toEqual(fingerprints(await build(ONE)));
  });

  it("of pages change the pages fingerprint, which list ETags include", async () => {
    const about = essay({ title: '"About"' }, "About us.\n");
    const before = await build({ ...ONE, "about.md": about });
    const after = await build({ ...ONE, "about.md": about.replace("About us.", "About us, revised.") });
    expect(after.pagesFingerprint).not.toBe(before.pagesFingerprint);
    expect(after.essays.map((e) => e.chain)).toEqual(before.essays.map((e) => e.chain));
  });

  it("change for the edited essay, and for the chain of it and every newer essay, only", async () => {
    const before = await build(ONE);
    const after = await build({ ...ONE, "2026-02-01-two.md": VALID_ESSAY.replace("A title", "A new title") });
    const changed = (key: "fingerprint" | "chain") => before.essays.map((e, i) => e[key] !== after.essays[i]?.[key]);
    expect(after.essays.map((e) => e.slug)).toEqual(["three", "two", "one"]);
    expect(changed("fingerprint")).toEqual([false, true, false]);
    expect(changed("chain")).toEqual([true, true, false]);
  });

  it("chain the newest modified date through every older essay", async () => {
    const manifest = await build({ ...ONE, "2026-01-01-one.md": essay({ title: '"T"', dek: '"D"', summary: '"S"', updated: "2026-06-01" }) });
    expect(manifest.essays.map((e) => e.chainModified)).toEqual(["2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z"]);
  });

  it("of an essay's page cover its neighbours and the other parts of its series, and name the newer ones as dependents", async () => {
    const part = (title: string) => essay({ title: `"${title}"`, dek: '"D"', summary: '"S."', series: "parts" });
    const files = {
      "2026-01-01-e1.md": part("One"),
      "2026-02-01-e2.md": VALID_ESSAY,
      "2026-03-01-e3.md": part("Three"),
      "2026-04-01-e4.md": VALID_ESSAY,
      "2026-05-01-e5.md": part("Five"),
    };
    const before = await build(files);
    expect(before.essays.map((e) => [e.slug, e.dependents])).toEqual([
      ["e5", []],
      ["e4", ["e5"]],
      ["e3", ["e5", "e4"]],
      ["e2", ["e3"]],
      ["e1", ["e5", "e3", "e2"]],
    ]);
    // e1 is shown on the pages of e2 (its neighbour) and of e3 and e5 (its series), not on e4's.
    const after = await build({ ...files, "2026-01-01-e1.md": part("One, revised") });
    expect(before.essays.map((e, i) => e.pageFingerprint !== after.essays[i]?.pageFingerprint)).toEqual([true, false, true, true, true]);
  });

  it("include the build mode in the render fingerprint", async () => {
    const posts = tempPosts(ONE);
    try {
      expect((await posts.build("production")).manifest.renderFingerprint).not.toBe((await posts.build("preview")).manifest.renderFingerprint);
    } finally {
      posts.remove();
    }
  });
});
