import { describe, expect, it } from "vitest";
import { isCalendarDate, parseFilename } from "../../src/generator/filename.ts";

describe("the filename grammar", () => {
  it("reads an essay's date and slug from its name", () => {
    expect(parseFilename("2026-10-27-the-hash-that-never-matched.md")).toEqual({
      kind: "essay",
      date: "2026-10-27",
      slug: "the-hash-that-never-matched",
    });
  });

  it("reads a page's slug from its name", () => {
    expect(parseFilename("about.md")).toEqual({ kind: "page", slug: "about" });
    expect(parseFilename("now-2026.md")).toEqual({ kind: "page", slug: "now-2026" });
  });

  it.each([
    ["Hello-world.md", "not a valid post filename"],
    ["hello--world.md", "not a valid post filename"],
    ["hello_world.md", "not a valid post filename"],
    ["-hello.md", "not a valid post filename"],
    ["hello-.md", "not a valid post filename"],
    [".md", "not a valid post filename"],
    ["2026-01-01.md", "not a valid essay filename"],
    ["2026-1-01-slug.md", "not a valid essay filename"],
    ["2026-01-01-Slug.md", "not a valid essay filename"],
    ["2026-01-01_slug.md", "not a valid essay filename"],
    ["2026-02-30-slug.md", "2026-02-30 is not a calendar date"],
    ["2026-13-01-slug.md", "2026-13-01 is not a calendar date"],
    ["notes.txt", "only Markdown posts belong in posts/"],
    ["about.markdown", "only Markdown posts belong in posts/"],
    [".DS_Store", "only Markdown posts belong in posts/"],
    ["about.MD", "only Markdown posts belong in posts/"],
  ])("rejects %s", (name, reason) => {
    const parsed = parseFilename(name);
    expect(parsed.kind).toBe("invalid");
    expect(parsed.kind === "invalid" && parsed.reason).toContain(reason);
  });

  it("accepts a leap day and rejects the day after February 28 in other years", () => {
    expect(parseFilename("2028-02-29-leap.md").kind).toBe("essay");
    expect(parseFilename("2026-02-29-leap.md").kind).toBe("invalid");
  });

  it("counts calendar days as the calendar does, century leap rules included", () => {
    // Every candidate day of four centuries, against the calendar's own answer: a date that
    // survives a round trip through UTC is a day that exists.
    const mismatches: string[] = [];
    for (let year = 1899; year <= 2401; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const real = new Date(`${date}T00:00:00Z`);
          const exists = !Number.isNaN(real.getTime()) && real.toISOString().slice(0, 10) === date;
          if (isCalendarDate(date) !== exists) mismatches.push(date);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect([
      isCalendarDate("1900-02-29"),
      isCalendarDate("2000-02-29"),
      isCalendarDate("2100-02-29"),
      isCalendarDate("2024-02-29"),
    ]).toEqual([false, true, false, true]);
    expect(["2026-1-01", "26-01-01", "2026-01-01T00:00:00Z", ""].filter(isCalendarDate)).toEqual([]);
  });
});
