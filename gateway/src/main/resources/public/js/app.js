// The portal's shell: language, navigation and a tiny hash router (#/path?query). Each page is an ES module under
// pages/ with a render(root, route) function; route.signal is aborted when the user navigates away, so polling
// and pending requests stop with the page.
import { h } from "./dom.js";
import { LANGUAGES, currentLang, link, setLang, t, wantedLang } from "./i18n.js";

const ROUTES = [
  { pattern: /^\/?$/, page: "search" },
  { pattern: /^\/search$/, page: "search" },
  { pattern: /^\/apis\/([^/]+)$/, page: "api", names: ["apiId"] },
  { pattern: /^\/offices\/([^/]+)$/, page: "office", names: ["code"] },
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

export function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const at = raw.indexOf("?");
  const path = decodeURIComponent(at < 0 ? raw : raw.slice(0, at));
  const query = new URLSearchParams(at < 0 ? "" : raw.slice(at + 1));
  return { path, query };
}

/** Goes to a portal page (a new history entry). */
export function go(path, query) {
  const hash = link(path, query).split("#")[1];
  if (location.hash === "#" + hash) render(); // the same address again (a repeated search) still runs the page
  else location.hash = hash;
}

/** Replaces the hash query without adding a history entry or re-rendering (pages keep their state in the URL). */
export function replaceQuery(path, query) {
  history.replaceState(null, "", link(path, query));
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
    href: "?lang=" + other + location.hash, lang: other === "zh" ? "zh-Hans" : "en", hreflang: other,
    class: "lang-switch", id: "lang-switch",
    onclick: (event) => { event.preventDefault(); switchLang(other); },
  }, LANGUAGES[other]));
  document.getElementById("footer").replaceChildren(
    h("a", { href: "/docs" }, t("footer.docs")), " · ", h("a", { href: "/health" }, t("footer.status")),
    " · ", h("span", {}, t("footer.note")));
}

async function switchLang(code) {
  await setLang(code);
  history.pushState(null, "", "?lang=" + code + location.hash);
  render();
}

async function render() {
  if (leave) leave.abort();
  leave = new AbortController();
  const { path, query } = parseHash();
  const match = ROUTES.map(r => ({ r, m: r.pattern.exec(path) })).find(x => x.m);
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

async function start() {
  const lang = wantedLang();
  await setLang(lang);
  // the language is always in the address, so the hash links the pages build never reload the page
  if (new URLSearchParams(location.search).get("lang") !== lang) {
    history.replaceState(null, "", "?lang=" + lang + (location.hash || "#/search"));
  }
  window.addEventListener("hashchange", render);
  // back/forward across a language switch changes only the query: hashchange does not fire for it
  window.addEventListener("popstate", async () => {
    if (wantedLang() !== currentLang()) {
      await setLang(wantedLang());
      render();
    }
  });
  render();
}

start();
