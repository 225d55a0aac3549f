import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bodyOf, essay, problemsOf, tempPosts, type TempPosts } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
afterEach(() => posts?.remove());

const post = (body: string): string => essay({ title: '"T"', dek: '"D"', summary: '"S"' }, body);
const svg = (width: number, height: number): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}"/></svg>\n`;

/** A JPEG of 300×200 pixels whose EXIF orientation (6) says to show it turned a quarter: 200 wide, 300 high. */
const TURNED_JPEG = Buffer.from(
  "ffd8ffe100224578696600004d4d002a00000008000101120003000000010006000000000000ffc000110800c8012c03012200021101031101ffd9",
  "hex",
);

/** The essay's HTML as its body holds it. */
const htmlOf = async (p: TempPosts): Promise<string> => {
  return bodyOf(await p.build()).html;
};

describe("local images", () => {
  it("are written with the width and height their files have: PNG, SVG, and a JPEG turned by its EXIF orientation", async () => {
    posts = tempPosts({
      "2026-01-01-one.md": post(
        "![card](/og-default.png)\n\n![chart](/images/chart.svg)\n\n![photo](../images/photo.jpg)\n",
      ),
    });
    mkdirSync(join(posts.publicDir, "images"));
    writeFileSync(join(posts.publicDir, "images", "chart.svg"), svg(640, 360));
    writeFileSync(join(posts.publicDir, "images", "photo.jpg"), TURNED_JPEG);
    const html = await htmlOf(posts);
    expect(html).toContain('<img src="/og-default.png" alt="card" width="1200" height="630" loading="lazy"');
    expect(html).toContain('<img src="/images/chart.svg" alt="chart" width="640" height="360" loading="lazy"');
    expect(html).toContain('<img src="../images/photo.jpg" alt="photo" width="200" height="300" loading="lazy"');
  });

  it("are measured again when their file changes, and the posts that show them rendered again", async () => {
    posts = tempPosts({
      "2026-01-01-one.md": post("![chart](/images/chart.svg)\n"),
      "2026-01-02-two.md": post("Text.\n"),
    });
    mkdirSync(join(posts.publicDir, "images"));
    writeFileSync(join(posts.publicDir, "images", "chart.svg"), svg(640, 360));
    expect((await posts.build()).rendered).toBe(2);
    writeFileSync(join(posts.publicDir, "images", "chart.svg"), svg(800, 600));
    const rebuilt = await posts.build();
    expect(rebuilt.rendered).toBe(1);
    expect(bodyOf(rebuilt, "one").html).toContain('width="800" height="600"');
  });

  it("fail the build, naming file and line, without alt text, in Markdown or in raw HTML", () => {
    posts = tempPosts({
      "2026-01-01-one.md": post(
        'Text.\n\n![](/og-default.png)\n\n<p><img src="/og-default.png"></p>\n\n![ ](/og-default.png)\n',
      ),
    });
    expect(problemsOf(posts.collect())).toEqual([
      "posts/2026-01-01-one.md:8: shows the image /og-default.png without alt text: say in words what it shows",
      "posts/2026-01-01-one.md:10: shows the image /og-default.png without alt text: say in words what it shows",
      "posts/2026-01-01-one.md:12: shows the image /og-default.png without alt text: say in words what it shows",
    ]);
  });

  it("fail the build when their size cannot be read from the file", () => {
    posts = tempPosts({ "2026-01-01-one.md": post("![chart](/images/chart.png)\n") });
    mkdirSync(join(posts.publicDir, "images"));
    writeFileSync(join(posts.publicDir, "images", "chart.png"), "not a picture");
    expect(problemsOf(posts.collect())).toEqual([
      "posts/2026-01-01-one.md:6: shows the image /images/chart.png, whose width and height cannot be read from the file: save it as PNG, JPEG, GIF, WebP, AVIF or SVG with a size",
    ]);
  });
});
