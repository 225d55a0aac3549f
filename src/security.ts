// The site's security headers, defined once as options for Hono's secureHeaders: the Worker sets them on
// every response, and the build writes the same into public/_headers for the static files.
//
// The CSP allows what the pages use and nothing else: the site's own stylesheet and images, no script
// (JSON-LD is data), no frames. connect-src 'self' lets in-page tools such as Lighthouse read /robots.txt.

export const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    // The search form is the site's only form, and it submits to the site itself.
    formAction: ["'self'"],
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
