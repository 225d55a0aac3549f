// Worker ↔ readers for social cards: an essay with its own card points every social tag at it, by absolute
// URL with its size and alt text; every other page, and an essay the fonts cannot draw, keeps the default.

import { describe, expect, it } from "vitest";
import { manifestOf, request } from "./app.ts";

const headOf = async (path: string, fixture: "production" | "preview" = "production"): Promise<string> => {
  const response = await request(path, {}, { fixture });
  expect(response.status, path).toBe(200);
  return (await response.text()).split("</head>")[0] ?? "";
};

/** The content of each <meta> of the head, by its property or name, in order. */
const metaOf = (head: string): Map<string, string> =>
  new Map(
    [...head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map(([, key = "", value = ""]) => [
      key,
      value,
    ]),
  );

const jsonLdImage = (head: string): unknown =>
  (
    JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head)?.[1] ?? "{}") as {
      image?: unknown;
    }
  ).image;

const DEFAULT = {
  "og:image": "https://fmlops.dev/og-default.png",
  "og:image:width": "1200",
  "og:image:height": "630",
  "og:image:alt": "fmlops.dev: essays on the contracts nobody wrote down",
  "twitter:image": "https://fmlops.dev/og-default.png",
  "twitter:image:alt": "fmlops.dev: essays on the contracts nobody wrote down",
};

describe("social cards in the head", () => {
  it("point og:image, twitter:image and the JSON-LD image of an essay at its own card, absolute, with size and alt", async () => {
    const essay = manifestOf("production").essays.find((e) => e.slug === "first-contract");
    expect(essay?.card).toMatch(/^\/cards\/first-contract-[0-9a-f]{10}\.png$/);
    const head = await headOf("/writing/first-contract");
    const url = `https://fmlops.dev${essay?.card}`;
    const alt = "The first contract: A plain essay that every route test can rely on.";
    expect(Object.fromEntries([...metaOf(head)].filter(([key]) => key in DEFAULT))).toEqual({
      "og:image": url,
      "og:image:width": "1200",
      "og:image:height": "630",
      "og:image:alt": alt,
      "twitter:image": url,
      "twitter:image:alt": alt,
    });
    expect(jsonLdImage(head)).toBe(url);
  });

  it.each(["/", "/writing/", "/about/", "/tags/files/"])(
    "keep the default card on a page that is not an essay: %s",
    async (path) => {
      const meta = metaOf(await headOf(path));
      expect(Object.fromEntries([...meta].filter(([key]) => key in DEFAULT))).toEqual(DEFAULT);
    },
  );

  it("keep the default card for an essay whose title the card's fonts cannot draw, and for every essay in the preview", async () => {
    const unicode = manifestOf("production").essays.find((e) => e.slug === "unicode");
    expect(unicode?.card).toBeNull();
    const head = await headOf("/writing/unicode");
    expect(Object.fromEntries([...metaOf(head)].filter(([key]) => key in DEFAULT))).toEqual(DEFAULT);
    expect(jsonLdImage(head)).toBe(DEFAULT["og:image"]);
    expect(manifestOf("preview").essays.map((e) => e.card)).toEqual(manifestOf("preview").essays.map(() => null));
    const preview = metaOf(await headOf("/writing/first-contract", "preview"));
    expect(preview.get("og:image")).toBe(DEFAULT["og:image"]);
  });
});
