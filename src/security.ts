// The site's security headers: one definition, as options for Hono's secureHeaders middleware.
// The build runs that middleware once and writes what it sets into the manifest, which every
// Worker response carries, and into public/_headers for the static files. The two cannot drift apart.
//
// The Content-Security-Policy allows what the pages use and nothing else: the site's own
// stylesheet and images, no script at all (the JSON-LD block is data, which a policy does not
// govern), no frames, no plugins. connect-src 'self' grants nothing to a page that runs no script;
// it lets tools that fetch from inside the page, such as Lighthouse reading /robots.txt, do so.

export const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: [],
  },
  strictTransportSecurity: "max-age=63072000; includeSubDomains",
  referrerPolicy: "strict-origin-when-cross-origin",
  crossOriginOpenerPolicy: "same-origin",
  // Feed readers on other sites show the essays' images: resources must be embeddable elsewhere.
  crossOriginResourcePolicy: "cross-origin",
  xFrameOptions: "DENY",
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [], browsingTopics: [] },
};
