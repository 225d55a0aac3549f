// A feed copy: an essay's HTML with every URL absolute, as feed readers show it away from the site.
// Made only for the essays a feed carries, by the runtime's HTML parser, so raw HTML is rewritten too;
// every other byte stays the body's, entities included (the parser hands over attribute values undecoded).

/** The attributes that hold a URL (srcset holds several). */
const URL_ATTRIBUTES = ["href", "src", "poster", "cite", "srcset"];

/** `value` resolved against `base` when it is a URL at all; left as it is otherwise. */
const absolute = (value: string, base: string): string => URL.parse(value, base)?.href ?? value;

/** Every URL of a srcset ("a.png 1x, b.png 2x") resolved against `base`. */
const absoluteSrcset = (value: string, base: string): string =>
  value
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [absolute(url, base), ...descriptor].join(" ");
    })
    .join(", ");

/** `html` with every URL attribute resolved against `pageUrl`. */
export const feedCopy = (html: string, pageUrl: string): Promise<string> =>
  new HTMLRewriter()
    .on(URL_ATTRIBUTES.map((name) => `[${name}]`).join(","), {
      element: (element) => {
        for (const name of URL_ATTRIBUTES) {
          const value = element.getAttribute(name);
          if (value === null) continue;
          const rewritten = name === "srcset" ? absoluteSrcset(value, pageUrl) : absolute(value, pageUrl);
          if (rewritten !== value) element.setAttribute(name, rewritten);
        }
      },
    })
    .transform(new Response(html))
    .text();
