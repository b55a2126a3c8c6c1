// Swagger UI from the org.webjars:swagger-ui webjar the gateway serves at /webjars/ (no CDN). Loaded only when
// a page shows a spec. "Try it out" is switched off: the portal does not send requests to offices' servers.
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
  });
}
