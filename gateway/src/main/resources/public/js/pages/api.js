// One API: its catalogue metadata, versions, the ST.90 report of a version (each violation with its JSON
// pointer), the change log between any two versions (breaking changes first and marked), endpoint status
// history, and the spec itself in Swagger UI.
import { h, externalLink, formatDate, formatNumber, table } from "../dom.js";
import { get, enc } from "../api.js";
import { currentLang, link, t, tv } from "../i18n.js";
import { replaceQuery } from "../app.js";
import { pageTitle, problem, section, badge, keyValues, empty, unavailableOr, statusLine } from "../ui.js";
import { showSpec } from "../swagger.js";
import { lintReport } from "../reports.js";
import { markdown } from "../markdown.js";
import { operations } from "../samples.js";

export async function render(root, route) {
  const apiId = route.params.apiId;
  const base = "/api/v1/catalog/apis/" + enc(apiId);
  let api;
  let versions;
  try {
    [api, versions] = await Promise.all([get(base, { signal: route.signal }), get(base + "/versions", { signal: route.signal })]);
  } catch (error) {
    root.append(pageTitle(apiId), error.status === 404 ? h("p", { class: "notice error" }, t("api.notFound", { apiId })) : problem(error) || "");
    return;
  }
  versions = [...versions].sort((a, b) => b.number - a.number);
  const latest = api.latestVersion || (versions[0] && versions[0].number);
  const state = {
    v: intParam(route.query.get("v"), latest),
    from: intParam(route.query.get("from"), versions.length > 1 ? versions[1].number : latest),
    to: intParam(route.query.get("to"), latest),
  };
  const remember = () => replaceQuery("/apis/" + enc(apiId), state);

  root.append(pageTitle(api.title || apiId, null));
  root.querySelector(".page-head").append(h("p", { class: "result-office" },
    h("a", { href: link("/offices/" + enc(api.officeCode)) }, api.officeCode), " · ",
    badge(tv("lifecycle", api.lifecycle), "lifecycle-" + api.lifecycle), " ",
    api.endpointStatus ? badge(tv("endpointStatus", api.endpointStatus), "status-" + api.endpointStatus) : null));

  const lintBox = h("div", { id: "lint" });
  const diffBox = h("div", { id: "diff" });
  const specBox = h("div", { id: "spec", class: "swagger-host" });
  const versionPicker = versionSelect("lint-version", t("api.version"), versions, state.v, (v) => {
    state.v = v; remember(); showLint(); showSwagger();
  });
  const fromPicker = versionSelect("diff-from", t("api.diffFrom"), versions, state.from, (v) => { state.from = v; remember(); showDiff(); });
  const toPicker = versionSelect("diff-to", t("api.diffTo"), versions, state.to, (v) => { state.to = v; remember(); showDiff(); });

  root.append(
    metadata(api),
    section(t("api.operations"), operationsBox(base, apiId, latest, route.signal)),
    section(t("api.versions"), versionsTable(versions, apiId)),
    section(t("api.lint"), h("div", { class: "inline-form" }, versionPicker), lintBox),
    section(t("api.changes"), versions.length < 2 ? empty(t("api.oneVersion"))
      : [h("div", { class: "inline-form" }, fromPicker, toPicker), diffBox]),
    endpointChecks(base, route.signal),
    section(t("api.spec"), h("p", { class: "hint" }, t("api.specHint"),
      " ", h("a", { href: base + "/versions/" + state.v + "/spec", id: "spec-download" }, t("api.specDownload"))), specBox));

  async function showLint() {
    lintBox.replaceChildren(statusLine());
    try {
      const report = await get(base + "/versions/" + state.v + "/lint", { signal: route.signal });
      lintBox.replaceChildren(lintReport(report));
    } catch (error) {
      lintBox.replaceChildren(unavailableOr(error, t("api.lint")) || "");
    }
  }

  async function showDiff() {
    if (versions.length < 2) return;
    diffBox.replaceChildren(statusLine());
    const query = "?from=" + state.from + "&to=" + state.to;
    try {
      const report = await get(base + "/diff" + query, { signal: route.signal });
      diffBox.replaceChildren(diffReport(report),
        h("p", { class: "hint" }, t("api.changeLogAs"), " ",
          h("a", { href: base + "/diff" + query + "&format=markdown" }, "Markdown"), " · ",
          h("a", { href: base + "/diff" + query + "&format=html" }, "HTML")));
    } catch (error) {
      diffBox.replaceChildren(unavailableOr(error, t("api.changes")) || "");
    }
  }

  function showSwagger() {
    specBox.replaceChildren(h("p", { class: "status" }, t("common.loading")));
    document.getElementById("spec-download")?.setAttribute("href", base + "/versions/" + state.v + "/spec");
    const host = h("div");
    showSpec(host, base + "/versions/" + state.v + "/spec?form=normalised")
      .then(() => specBox.replaceChildren(host))
      .catch((error) => specBox.replaceChildren(h("p", { class: "notice error" }, error.message)));
  }

  showLint();
  showDiff();
  showSwagger();
}

/** Every operation of the latest version, each linking to its page with samples and the try-it form. */
function operationsBox(base, apiId, latest, signal) {
  const box = h("div", { id: "operations" }, h("p", { class: "status" }, t("common.loading")));
  get(base + "/versions/" + latest + "/spec?form=normalised", { signal }).then((spec) => {
    const all = operations(spec);
    box.replaceChildren(all.length === 0 ? empty(t("api.noOperations")) : h("ul", { class: "operation-list" }, all.map(o => h("li", {},
      h("span", { class: "method method-" + o.method }, o.method.toUpperCase()), " ",
      h("a", { href: link("/apis/" + enc(apiId) + "/operations/" + enc(o.key)) }, h("code", {}, o.path)),
      o.operation.summary ? " — " + o.operation.summary : ""))));
  }).catch((error) => box.replaceChildren(unavailableOr(error, t("api.operations")) || ""));
  return box;
}

function intParam(text, fallback) {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function versionSelect(id, label, versions, selected, onChange) {
  const select = h("select", { id, onchange: () => onChange(Number(select.value)) },
    versions.map(v => h("option", { value: v.number, selected: v.number === selected },
      t("api.versionOption", { number: v.number, spec: v.specVersion || "?" }))));
  return h("span", { class: "field inline" }, h("label", { for: id }, label), select);
}

function list(values) {
  return values && values.length ? values.join(", ") : null;
}

function metadata(api) {
  const m = api.metadata || {};
  const lang = currentLang();
  return section(t("api.about"),
    api.description ? markdown(api.description, "description") : null,
    keyValues([
      [t("api.id"), h("code", {}, api.apiId)],
      [t("api.office"), h("a", { href: link("/offices/" + enc(api.officeCode)) }, api.officeCode)],
      [t("api.latestVersion"), String(api.latestVersion)],
      [t("facet.lifecycle"), tv("lifecycle", api.lifecycle)],
      [t("api.sunset"), m.sunsetDate],
      [t("api.access"), m.accessModel ? tv("accessModel", m.accessModel) : null],
      [t("api.authentication"), list(m.authentication)],
      [t("facet.ipDomain"), list(m.ipDomains)],
      [t("facet.serviceType"), list(m.serviceTypes)],
      [t("facet.contentType"), list(m.contentTypes)],
      [t("facet.language"), list(m.languages)],
      [t("api.productPage"), m.productPageUrl ? externalLink(m.productPageUrl) : null],
      [t("api.source"), api.sourceUrl ? externalLink(api.sourceUrl) : null],
      [t("api.updated"), formatDate(api.updatedAt, lang)],
      [t("api.overridden"), list(api.overridden)],
    ]));
}

function versionsTable(versions, apiId) {
  const lang = currentLang();
  return table([
    { label: t("api.col.version"), value: v => h("a", { href: link("/apis/" + enc(apiId), { v: v.number }) }, String(v.number)) },
    { label: t("api.col.specVersion"), value: v => v.specVersion || "—" },
    { label: t("api.col.format"), value: v => v.sourceFormat },
    { label: "ST.90", value: v => v.st90Score === null || v.st90Score === undefined ? "—" : v.st90Score + " · " + (v.st90Level || "") },
    { label: t("api.col.diff"), value: v => v.diffVerdict ? badge(tv("verdict", v.diffVerdict), "verdict-" + v.diffVerdict) : "—" },
    { label: t("api.col.created"), value: v => formatDate(v.createdAt, lang) },
  ], versions, { caption: t("api.versionsCaption"), rowClass: v => v.breakingChange ? "breaking" : null });
}

function diffReport(report) {
  const changes = report.changes || [];
  return h("div", {},
    h("p", { class: "scoreline" }, badge(tv("verdict", report.verdict), "verdict-" + report.verdict),
      h("span", {}, t("api.diffCounts", { breaking: report.breaking, possibly: report.possiblyBreaking, non: report.nonBreaking }))),
    changes.length === 0 ? empty(t("api.noChanges")) : table([
      { label: t("api.col.class"), value: c => badge(tv("classification", c.classification), "class-" + c.classification) },
      { label: t("api.col.where"), value: c => [c.method ? h("span", { class: "method method-" + c.method }, c.method.toUpperCase()) : null,
        c.path ? [" ", h("code", {}, c.path)] : null] },
      { label: t("api.col.direction"), value: c => tv("direction", c.direction) },
      { label: t("api.col.change"), value: c => [c.message, h("br"), h("code", { class: "pointer" }, c.pointer)] },
    ], changes, { className: "data changes", caption: t("api.changesCaption", { count: changes.length }),
      rowClass: c => c.classification === "BREAKING" ? "breaking" : c.classification === "POSSIBLY_BREAKING" ? "possibly" : null }));
}

function endpointChecks(base, signal) {
  const box = h("div", {}, h("p", { class: "status" }, t("common.loading")));
  get(base + "/endpointChecks?limit=50", { signal }).then((page) => {
    const checks = (page && page.items) || [];
    if (checks.length === 0) { box.replaceChildren(empty(t("api.noChecks"))); return; }
    const lang = currentLang();
    box.replaceChildren(
      h("ol", { class: "status-strip", "aria-label": t("api.statusHistory") }, [...checks].reverse().map(c => h("li", {
        class: "status-" + c.status, title: formatDate(c.checkedAt, lang) + " · " + c.status + (c.latencyMs ? " · " + c.latencyMs + " ms" : ""),
      }, h("span", { class: "visually-hidden" }, formatDate(c.checkedAt, lang) + ": " + c.status)))),
      table([
        { label: t("api.col.checked"), value: c => formatDate(c.checkedAt, lang) },
        { label: "URL", value: c => h("code", {}, c.url) },
        { label: t("api.col.status"), value: c => badge(tv("endpointStatus", c.status), "status-" + c.status) },
        { label: "HTTP", value: c => c.httpStatus ? String(c.httpStatus) : "—", class: "num" },
        { label: t("api.col.latency"), value: c => c.latencyMs !== null && c.latencyMs !== undefined ? formatNumber(c.latencyMs, lang) + " ms" : "—", class: "num" },
        { label: t("api.col.error"), value: c => c.error || "" },
      ], checks));
  }).catch((error) => box.replaceChildren(unavailableOr(error, t("api.endpoints")) || ""));
  return section(t("api.endpoints"), box);
}
