// Search: APIs, operations and authority documents of every office, with facets, sort, suggestions and
// cursor paging. The whole state (text, tab, filters, sort) lives in the address, so a search can be shared.
import { h, highlighted, formatNumber, table } from "../dom.js";
import { highlightedMarkdown, markdown } from "../markdown.js";
import { get, enc } from "../api.js";
import { currentLang, link, t, tv } from "../i18n.js";
import { go, replaceQuery } from "../app.js";
import { attachSuggestions } from "../suggest.js";
import { pageTitle, problem, statusLine, badge, empty, versionLabel } from "../ui.js";
import { operationKey } from "../samples.js";
import { stackedBars, yearKindSeries } from "../charts.js";

const TYPES = ["apis", "operations", "authority"];
const FACETS = ["office", "ipDomain", "serviceType", "contentType", "language", "lifecycle", "st90Level",
  "endpointStatus", "specVersion", "format", "method"];
const AUTHORITY_FILTERS = ["office", "kind", "fromYear", "toYear"];

export async function render(root, route) {
  const state = readState(route.query);
  const status = statusLine();
  const results = h("ol", { class: "results", id: "results" });
  const facetBox = h("div", { class: "facets", id: "facets" });
  const more = h("button", { type: "button", class: "secondary", hidden: true, id: "more" }, t("search.more"));
  const chartBox = h("div", { class: "search-chart" });
  let next = null;

  const input = h("input", { id: "q", name: "q", type: "search", value: state.q, autocomplete: "off",
    placeholder: t("search.placeholder." + state.type) });
  const suggestions = attachSuggestions(input, {
    signal: route.signal,
    onPick: (s) => {
      if (s.type === "office" && s.office) go("/offices/" + enc(s.office));
      else if (s.apiId) go("/apis/" + enc(s.apiId));
      else { input.value = s.text; submit(); }
    },
  });
  const sort = h("select", { id: "sort", onchange: () => { state.sort = sort.value; run(); } },
    ["", "relevance", "title", "updated"].map(v => h("option", { value: v, selected: state.sort === v },
      t("search.sort." + (v || "default")))));
  const tabs = h("div", { class: "tabs", role: "radiogroup", "aria-label": t("search.what") },
    TYPES.map(type => h("label", { class: "tab" + (state.type === type ? " active" : "") },
      h("input", { type: "radio", name: "type", value: type, checked: state.type === type,
        onchange: () => { state.type = type; state.filters = {}; state.sort = ""; navigate(); } }),
      t("search.type." + type))));

  const form = h("form", { class: "search", role: "search", onsubmit: (e) => { e.preventDefault(); submit(); } },
    h("label", { for: "q", class: "visually-hidden" }, t("search.label")),
    h("div", { class: "combo" }, input, suggestions),
    h("button", { type: "submit" }, t("search.button")));

  root.append(pageTitle(t("search.title"), t("search.subtitle")), form, tabs,
    h("div", { class: "search-layout" },
      h("aside", { "aria-label": t("search.filters") }, h("details", { class: "facet-panel", open: window.innerWidth > 720 },
        h("summary", {}, t("search.filters")), facetBox)),
      h("div", { class: "search-main" },
        h("div", { class: "toolbar" }, status, state.type === "authority" ? null
          : h("span", { class: "sort" }, h("label", { for: "sort" }, t("search.sortBy")), sort)),
        chartBox, results, more)));

  more.addEventListener("click", () => run(next));

  function submit() {
    state.q = input.value.trim();
    navigate();
  }

  function navigate() {
    // a new search or tab is a new history entry; filter clicks replace the current one (see run)
    go("/search", toQuery(state));
  }

  async function run(cursor) {
    replaceQuery("/search", toQuery(state));
    status.show(t("search.searching"));
    const url = "/api/v1/search/" + state.type + "?" + params(state, cursor);
    try {
      const body = await get(url, { signal: route.signal });
      const items = (body && body.items) || [];
      next = body && body.next;
      if (!cursor) {
        results.replaceChildren();
        renderFilters(body);
      }
      results.append(...items.map(item => renderHit(state.type, item)));
      more.hidden = !next;
      const shown = results.children.length;
      status.show(shown === 0 ? t("search.none") : t("search.shown." + state.type, { count: formatNumber(shown, currentLang()) })
        + (next ? " " + t("search.moreAvailable") : ""));
      if (shown === 0) results.append(h("li", { class: "result" }, empty(t("search.noneHint"))));
    } catch (error) {
      if (error.name === "AbortError") return;
      results.replaceChildren(h("li", {}, problem(error)));
      status.show("");
      more.hidden = true;
    }
  }

  function renderFilters(body) {
    if (state.type === "authority") {
      facetBox.replaceChildren(authorityFilters());
      chartBox.replaceChildren();
      if (body && body.statistics && body.statistics.length) {
        const { categories, series } = yearKindSeries(body.statistics);
        chartBox.append(stackedBars({ title: t("search.authorityChart"), categories, series }));
      }
      return;
    }
    const facets = (body && body.facets) || {};
    const names = Object.keys(facets).filter(name => (facets[name] || []).length > 0);
    facetBox.replaceChildren(...(names.length ? names.map(name => facetGroup(name, facets[name]))
      : [h("p", { class: "hint" }, t("search.noFacets"))]));
    const active = Object.values(state.filters).some(v => v.length);
    if (active) {
      facetBox.prepend(h("button", { type: "button", class: "link-button", id: "clear-filters",
        onclick: () => { state.filters = {}; run(); } }, t("search.clearFilters")));
    }
  }

  function facetGroup(name, counts) {
    const chosen = state.filters[name] || [];
    return h("fieldset", { class: "facet", "data-facet": name },
      h("legend", {}, t("facet." + name)),
      counts.map(({ value, count }) => h("label", { class: "facet-value" },
        h("input", { type: "checkbox", value, checked: chosen.includes(value), onchange: (e) => {
          const list = new Set(state.filters[name] || []);
          if (e.target.checked) list.add(value); else list.delete(value);
          state.filters[name] = [...list];
          run();
        } }),
        h("span", { class: "facet-name" }, tv(name, value)),
        h("span", { class: "count" }, formatNumber(count, currentLang())))));
  }

  function authorityFilters() {
    const inputs = {};
    const form = h("form", { class: "authority-filters", onsubmit: (e) => {
      e.preventDefault();
      for (const name of AUTHORITY_FILTERS) {
        const value = inputs[name].value.trim();
        state.filters[name] = value ? (name === "kind" ? value.split(/[\s,]+/).filter(Boolean) : [value]) : [];
      }
      run();
    } });
    for (const name of AUTHORITY_FILTERS) {
      const id = "filter-" + name;
      inputs[name] = h("input", { id, name, value: (state.filters[name] || []).join(","),
        inputmode: name.endsWith("Year") ? "numeric" : null, size: 8 });
      form.append(h("div", { class: "field" }, h("label", { for: id }, t("facet." + name)), inputs[name]));
    }
    form.append(h("button", { type: "submit" }, t("search.apply")));
    return form;
  }

  run();
}

function renderHit(type, item) {
  if (type === "operations") {
    return h("li", { class: "result operation" },
      h("h2", { class: "result-title" },
        h("span", { class: "method method-" + (item.method || "").toLowerCase() }, (item.method || "").toUpperCase()), " ",
        h("a", { href: link("/apis/" + enc(item.apiId) + "/operations/" + enc(operationKey(item))) }, h("code", {}, item.path))),
      h("p", { class: "result-summary" }, item.highlight ? highlighted(item.highlight) : (item.summary || item.operationId || "")),
      h("p", { class: "result-office" }, h("a", { href: link("/offices/" + enc(item.officeCode)) }, item.officeCode),
        " · ", h("a", { href: link("/apis/" + enc(item.apiId)) }, item.apiTitle)));
  }
  if (type === "authority") {
    return h("li", { class: "result document" },
      h("h2", { class: "result-title" }, h("code", {}, item.key || item.numberKey)),
      h("p", { class: "result-office" }, h("a", { href: link("/offices/" + enc(item.office)) }, item.office),
        item.kind ? " · " + t("doc.kind") + " " + item.kind : "",
        item.publicationDate ? " · " + item.publicationDate : "",
        item.exceptionCode ? " · " + t("doc.exception") + " " + item.exceptionCode : ""));
  }
  return h("li", { class: "result api" },
    h("h2", { class: "result-title" }, h("a", { href: link("/apis/" + enc(item.apiId)) }, item.title || item.apiId)),
    h("p", { class: "result-office" }, h("a", { href: link("/offices/" + enc(item.officeCode)) },
      item.officeName ? item.officeName + " (" + item.officeCode + ")" : item.officeCode)),
    item.highlight ? highlightedMarkdown(item.highlight, "result-description") : markdown(item.description, "result-description"),
    h("p", { class: "badges" },
      item.lifecycle ? badge(tv("lifecycle", item.lifecycle), "lifecycle-" + item.lifecycle) : null,
      item.st90Level ? badge("ST.90 " + item.st90Level, "level") : null,
      item.endpointStatus ? badge(tv("endpointStatus", item.endpointStatus), "status-" + item.endpointStatus) : null,
      item.operationCount ? badge(t("search.operations", { count: item.operationCount })) : null,
      item.specVersion ? badge(versionLabel(item.specVersion)) : null));
}

function readState(query) {
  const type = TYPES.includes(query.get("type")) ? query.get("type") : "apis";
  const filters = {};
  for (const name of (type === "authority" ? AUTHORITY_FILTERS : FACETS)) {
    const values = query.getAll(name);
    if (values.length) filters[name] = values;
  }
  return { q: query.get("q") || "", type, sort: query.get("sort") || "", filters };
}

function toQuery(state) {
  return { q: state.q, type: state.type === "apis" ? null : state.type, sort: state.sort, ...state.filters };
}

function params(state, cursor) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.sort && state.type !== "authority") p.set("sort", state.sort);
  for (const [name, values] of Object.entries(state.filters)) {
    for (const value of values) p.append(name, value);
  }
  if (cursor) p.set("cursor", cursor);
  p.set("limit", "20");
  return p.toString();
}
