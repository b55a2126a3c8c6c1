// The portal's shell: language, navigation and a router over real paths (/search?q=…, /apis/{id}, …) with the
// history API. The gateway answers each of these paths with this page (org.ipdex.gateway.portal.PortalPages), so an
// address can be typed, shared or reloaded. Each page is an ES module under pages/ with a render(root, route)
// function; route.signal is aborted when the user navigates away, so polling and pending requests stop with the page.
import { h } from "./dom.js";
import { LANGUAGES, currentLang, link, setLang, t, wantedLang } from "./i18n.js";

// Keep in step with the @Get paths of PortalPages in the gateway, which serves index.html at exactly these.
const ROUTES = [
  { pattern: /^\/(index\.html)?$/, page: "search" },
  { pattern: /^\/search$/, page: "search" },
  { pattern: /^\/apis\/([^/]+)$/, page: "api", names: ["apiId"] },
  // a full page load: the gateway gives the operation's page a connect-src naming the API's servers (try it)
  { pattern: /^\/apis\/([^/]+)\/operations\/([^/]+)$/, page: "operation", names: ["apiId", "operationId"], reload: true },
  { pattern: /^\/offices\/([^/]+)$/, page: "office", names: ["code"] },
  { pattern: /^\/offices\/([^/]+)\/scorecard$/, page: "scorecard", names: ["code"] },
  { pattern: /^\/pct$/, page: "pct" },
  { pattern: /^\/coverage$/, page: "coverage" },
  { pattern: /^\/coverage\/([^/]+)$/, page: "coverage", names: ["checkId"] },
  { pattern: /^\/account$/, page: "account" },
  { pattern: /^\/admin$/, page: "admin" },
];

const NAV = [
  ["/search", "nav.search"],
  ["/pct", "nav.pct"],
  ["/coverage", "nav.coverage"],
  ["/account", "nav.account"],
  ["/admin", "nav.admin"],
];

let leave = null;
let firstRender = true;
let rendered = "";

function routeOf(path) {
  return ROUTES.map(r => ({ r, m: r.pattern.exec(path) })).find(x => x.m);
}

/** The page's path and its query (without the language, which i18n.js keeps). */
export function currentAddress() {
  const query = new URLSearchParams(location.search);
  query.delete("lang");
  return { path: location.pathname, query };
}

/** Goes to a portal page (a new history entry). */
export function go(path, query) {
  const address = link(path, query);
  const match = routeOf(path);
  if (match && match.r.reload) {
    location.assign(address);
    return;
  }
  history.pushState(null, "", address);
  render(); // the same address again (a repeated search) still runs the page
}

/** Replaces the query without adding a history entry or re-rendering (pages keep their state in the URL). */
export function replaceQuery(path, query) {
  history.replaceState(null, "", link(path, query));
  rendered = location.pathname + location.search;
}

/**
 * Same-origin links to portal pages become history entries instead of page loads; anything else (a new tab, a
 * download, /docs, an API answer, an in-page #anchor, Swagger UI's own links) is left to the browser.
 */
function followLinks(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!anchor || anchor.target || anchor.hasAttribute("download") || anchor.closest(".swagger-ui, .markdown")) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || (url.hash && url.pathname === location.pathname && url.search === location.search)) return;
  const match = routeOf(url.pathname);
  if (!match || match.r.reload) return;
  event.preventDefault();
  history.pushState(null, "", url.pathname + url.search);
  render();
}

function renderShell(pagePath) {
  document.getElementById("skip-link").textContent = t("app.skip");
  document.getElementById("brand").setAttribute("href", link("/search"));
  document.getElementById("tagline").textContent = t("app.tagline");
  const nav = document.getElementById("nav");
  nav.setAttribute("aria-label", t("nav.label"));
  nav.replaceChildren(h("ul", {}, NAV.map(([path, key]) => h("li", {},
    h("a", { href: link(path), "aria-current": pagePath.startsWith(path) ? "page" : null }, t(key))))));
  const other = currentLang() === "zh" ? "en" : "zh";
  document.getElementById("lang").replaceChildren(h("a", {
    href: addressIn(other), lang: other === "zh" ? "zh-Hans" : "en", hreflang: other,
    class: "lang-switch", id: "lang-switch",
    onclick: (event) => { event.preventDefault(); switchLang(other); },
  }, LANGUAGES[other]));
  document.getElementById("footer").replaceChildren(
    h("a", { href: "/docs" }, t("footer.docs")), " · ", h("a", { href: "/health" }, t("footer.status")),
    " · ", h("span", {}, t("footer.note")));
}

function addressIn(code) {
  const query = new URLSearchParams(location.search);
  query.set("lang", code);
  return location.pathname + "?" + query.toString();
}

async function switchLang(code) {
  await setLang(code);
  history.pushState(null, "", addressIn(code));
  render();
}

async function render() {
  if (leave) leave.abort();
  leave = new AbortController();
  const { path, query } = currentAddress();
  rendered = location.pathname + location.search;
  const match = routeOf(path);
  const main = document.getElementById("main");
  const pagePath = match ? (match.r.page === "search" ? "/search" : "/" + match.r.page) : path;
  renderShell(pagePath);
  main.replaceChildren();
  if (!match) {
    main.append(h("h1", { tabindex: "-1" }, t("app.notFound")), h("p", {}, h("a", { href: link("/search") }, t("nav.search"))));
    return;
  }
  const params = {};
  (match.r.names || []).forEach((name, i) => { params[name] = decodeURIComponent(match.m[i + 1]); });
  const module = await import("./pages/" + match.r.page + ".js");
  const route = { path, params, query, signal: leave.signal };
  try {
    await module.render(main, route);
  } catch (error) {
    if (error.name !== "AbortError") {
      console.error(error);
      main.append(h("p", { class: "notice error", role: "alert" }, t("common.unexpected") + " " + error.message));
    }
  }
  // move focus to the new page's heading so screen readers announce it (not on first load: keep the skip link first)
  const heading = main.querySelector("h1");
  if (heading && !firstRender && !main.contains(document.activeElement)) heading.focus();
  firstRender = false;
}

/** Addresses of the former hash router (/?lang=en#/apis/x?v=2) still work: they become the real path. */
function fromHashAddress() {
  if (!location.hash.startsWith("#/")) return null;
  const raw = location.hash.slice(1);
  const at = raw.indexOf("?");
  const query = new URLSearchParams(at < 0 ? "" : raw.slice(at + 1));
  const lang = new URLSearchParams(location.search).get("lang");
  if (lang) query.set("lang", lang);
  const text = query.toString();
  return (at < 0 ? raw : raw.slice(0, at)) + (text ? "?" + text : "");
}

async function start() {
  const old = fromHashAddress();
  if (old) history.replaceState(null, "", old);
  const lang = wantedLang();
  await setLang(lang);
  // the language is always in the address, so a shared link opens in the language its sender saw
  if (new URLSearchParams(location.search).get("lang") !== lang) history.replaceState(null, "", addressIn(lang));
  document.addEventListener("click", followLinks);
  window.addEventListener("popstate", async () => {
    // an in-page #anchor (the skip link, Swagger UI's) changes neither path nor query: the page stays as it is
    if (location.pathname + location.search === rendered) return;
    if (wantedLang() !== currentLang()) await setLang(wantedLang());
    render();
  });
  render();
}

start();
