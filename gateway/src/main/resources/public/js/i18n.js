// Interface text in English and Simplified Chinese. The language lives in the address (?lang=zh) so a link
// someone shares opens in the language they saw; every link the portal builds carries it (see link()).

export const LANGUAGES = { en: "English", zh: "简体中文" };
let lang = "en";
let catalogue = {};
let fallback = null;

export function currentLang() {
  return lang;
}

/** The language the address asks for, else the browser's preference. */
export function wantedLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked && LANGUAGES[asked]) return asked;
  return (navigator.language || "").toLowerCase().startsWith("zh") ? "zh" : "en";
}

async function load(code) {
  const response = await fetch("/i18n/" + code + ".json", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error("No text catalogue for " + code);
  return response.json();
}

export async function setLang(code) {
  if (!fallback) fallback = await load("en");
  lang = LANGUAGES[code] ? code : "en";
  catalogue = lang === "en" ? fallback : await load(lang);
  document.documentElement.lang = lang === "zh" ? "zh-Hans" : "en";
}

/** t("search.found", {count: 3}) — placeholders in {braces}; a missing key falls back to English, then to itself. */
export function t(key, vars) {
  // English needs a singular: "1 place" / "2 places" (key.one); Chinese has none
  const one = vars && Number(vars.count) === 1 ? (catalogue[key + ".one"] ?? (lang === "en" ? (fallback || {})[key + ".one"] : undefined)) : undefined;
  const text = one ?? catalogue[key] ?? (fallback || {})[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/**
 * A portal link that keeps the language: link("/apis/x", {v: 2}) → "/apis/x?v=2&lang=zh". The path is a real one
 * (the gateway serves the portal for it, see org.ipdex.gateway.portal), so it can be typed, shared and bookmarked.
 */
export function link(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query || {})) {
    if (value === null || value === undefined || value === "") continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  params.set("lang", lang);
  return path + "?" + params.toString();
}

/** A value from the API with a translation when the catalogue has one: tv("lifecycle", "production"). */
export function tv(group, value) {
  if (value === null || value === undefined) return "—";
  const key = "value." + group + "." + value;
  const text = catalogue[key] ?? (fallback || {})[key];
  return text === undefined ? String(value) : text;
}
