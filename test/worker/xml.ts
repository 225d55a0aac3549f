// Strict XML for the feed tests: a document must be well-formed before its elements are read.

import { XMLParser, XMLValidator } from "fast-xml-parser";

/** Elements that may repeat, by path, so a single one still parses as a list. */
const REPEATED = new Set([
  "feed.link",
  "feed.entry",
  "feed.entry.link",
  "feed.entry.category",
  "rss.channel.item",
  "rss.channel.item.category",
  "urlset.url",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Also decodes numeric character references such as &#39;, which XML defines.
  htmlEntities: true,
  isArray: (_name, path) => REPEATED.has(String(path)),
});

export type XmlNode = Record<string, unknown>;

/** Parses `xml`, failing the test with the validator's message when it is not well-formed. */
export const parseXml = (xml: string): XmlNode => {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  return parser.parse(xml) as XmlNode;
};

/** The text of an element that may carry attributes. */
export const text = (node: unknown): string => {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node) return String((node as XmlNode)["#text"]);
  throw new Error(`expected text, got ${JSON.stringify(node)}`);
};

export const child = (node: unknown, name: string): XmlNode => {
  const value = (node as XmlNode)[name];
  if (value === undefined) throw new Error(`missing <${name}> in ${JSON.stringify(node).slice(0, 200)}`);
  return value as XmlNode;
};

export const children = (node: unknown, name: string): XmlNode[] =>
  ((node as XmlNode)[name] as XmlNode[] | undefined) ?? [];

/** Every href and src value in an HTML fragment. */
export const urlsIn = (fragment: string): string[] =>
  [...fragment.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? "");
