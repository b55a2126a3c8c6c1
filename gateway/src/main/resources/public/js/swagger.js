// Swagger UI from the org.webjars:swagger-ui webjar the gateway serves at /webjars/ (no CDN). Loaded only when
// a page shows a spec. "Try it out" is switched off: the portal does not send requests to offices' servers.
import { markdown } from "./markdown.js";

const BASE = "/webjars/swagger-ui/5.34.1/";
let loading = null;

function load() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = BASE + "swagger-ui.css";
      document.head.append(css);
      const script = document.createElement("script");
      script.src = BASE + "swagger-ui-bundle.js";
      script.onload = () => resolve(window.SwaggerUIBundle);
      script.onerror = () => { loading = null; reject(new Error("Swagger UI could not be loaded")); };
      document.head.append(script);
    });
  }
  return loading;
}

/**
 * Swagger UI renders every description with its own Markdown component (Remarkable, then DOMPurify on the markup as
 * a string): an on* attribute in an office's description would reach the HTML parser, and the browser reports a CSP
 * violation for it (markdown.js says why). This plugin puts the portal's renderer in its place, so a description also
 * reads the same in the spec as on the rest of the page.
 */
function portalMarkdown() {
  return {
    wrapComponents: {
      Markdown: (Original, system) => ({ source, className }) => system.React.createElement("div", {
        className: "portal-markdown",
        ref: (node) => { if (node) node.replaceChildren(markdown(source, className)); },
      }),
    },
  };
}

/** Renders the OpenAPI document at specUrl into node. */
export async function showSpec(node, specUrl) {
  const SwaggerUIBundle = await load();
  SwaggerUIBundle({
    url: specUrl,
    domNode: node,
    deepLinking: false,
    supportedSubmitMethods: [],
    defaultModelsExpandDepth: 0,
    docExpansion: "list",
    validatorUrl: null,
    plugins: [portalMarkdown],
  });
}
