import { describe, expect, it } from "vitest";
import { relatedEssays } from "../../src/generator/related.ts";
import type { Essay } from "../../src/manifest.ts";

/** Just what relatedEssays reads of an essay; the list is newest first, as in the manifest. */
const essay = (slug: string, date: string, tags: string[]): Essay =>
  ({ slug, date, published: `${date}T00:00:00Z`, tags }) as unknown as Essay;

const slugsOf = (essays: readonly Essay[]): string[][] =>
  relatedEssays(essays).map((list) => list.map((index) => (essays[index] as Essay).slug));

describe("related essays", () => {
  it("rank the essays sharing the most tags first, then the nearest in date, never the essay itself", () => {
    const essays = [
      essay("e", "2026-05-01", ["a"]),
      essay("d", "2026-04-01", ["a", "b"]),
      essay("c", "2026-03-01", ["c"]),
      essay("b", "2026-02-01", ["a"]),
      essay("a", "2026-01-01", ["a", "b"]),
    ];
    const [e, d, c, b, a] = slugsOf(essays);
    expect(a).toEqual(["d", "b", "e"]);
    expect(d).toEqual(["a", "e", "b"]);
    expect(b).toEqual(["a", "d", "e"]);
    expect(e).toEqual(["d", "b", "a"]);
    expect(c).toEqual([]);
  });

  it("keep a better essay that is not public yet, and the ones shown until it is, and no more", () => {
    const essays = [
      essay("later", "2099-01-01", ["a", "b"]),
      essay("p3", "2026-04-01", ["a"]),
      essay("p2", "2026-03-01", ["a"]),
      essay("p1", "2026-02-01", ["a"]),
      essay("p0", "2026-01-15", ["a"]),
      essay("self", "2026-01-01", ["a", "b"]),
    ];
    const self = slugsOf(essays)[5];
    expect(self).toEqual(["later", "p0", "p1", "p2"]);
  });

  it("of an essay not public yet keep only what it shows once it is", () => {
    const essays = [
      essay("self", "2099-01-01", ["a"]),
      essay("newer", "2098-12-31", ["a"]),
      essay("p2", "2026-03-01", ["a"]),
      essay("p1", "2026-02-01", ["a"]),
      essay("p0", "2026-01-01", ["a"]),
    ];
    expect(slugsOf(essays)[0]).toEqual(["newer", "p2", "p1"]);
  });
});
