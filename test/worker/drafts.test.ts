import { describe, expect, it } from "vitest";
import { appOf, manifestOf, ORIGIN, request } from "./app.ts";

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
    expect(await (await request("/writing/", {}, { fixture: "preview" })).text()).toContain(
      '<strong class="draft-mark">Draft</strong>',
    );
  });
});

describe("the preview", () => {
  it("shows a scheduled essay before its date, with a banner saying when it goes live", async () => {
    const response = await request("/writing/scheduled-essay", {}, { fixture: "preview" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(
      "<strong>Scheduled.</strong> This essay goes live on 1 January 2099 at 00:00 UTC",
    );
    expect(await (await request("/writing/", {}, { fixture: "preview" })).text()).toContain("/writing/scheduled-essay");
  });

  it("drops a scheduled essay's banner when it goes live, in a preview that runs across the instant", async () => {
    let now = Date.parse("2098-12-31T23:59:59Z");
    const app = appOf(manifestOf("preview"), () => now);
    const page = async () => (await app.request(`${ORIGIN}/writing/scheduled-essay`)).text();
    expect(await page()).toContain("<strong>Scheduled.</strong>");
    now = Date.parse("2099-01-01T00:00:00Z");
    expect(await page()).not.toContain("<strong>Scheduled.</strong>");
  });

  it("marks a draft page with a banner", async () => {
    const body = await (await request("/unlisted/", {}, { fixture: "preview" })).text();
    expect(body).toContain(
      '<p class="draft-banner" role="note"><strong>Draft.</strong> This page is visible only in the local preview',
    );
    expect((await request("/unlisted/")).status).toBe(404);
  });
});
