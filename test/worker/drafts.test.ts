import { describe, expect, it } from "vitest";
import { request } from "./app.ts";

describe("drafts", () => {
  it("are absent from the production site: no page, no entry", async () => {
    expect((await request("/writing/unfinished-thought")).status).toBe(404);
    for (const path of ["/", "/writing/"]) {
      expect(await (await request(path)).text()).not.toContain("unfinished-thought");
    }
  });

  it("are served in the preview with a Draft banner and mark", async () => {
    const essay = await request("/writing/unfinished-thought", {}, { fixture: "preview" });
    expect(essay.status).toBe(200);
    expect(await essay.text()).toContain('<p class="draft-banner" role="note"><strong>Draft.</strong>');
    expect(await (await request("/writing/", {}, { fixture: "preview" })).text()).toContain('<strong class="draft-mark">Draft</strong>');
  });
});
