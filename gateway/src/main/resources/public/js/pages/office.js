// One office: its profile, its APIs, its authority-file editions (with validation reports), where it stands
// against the PCT minimum documentation, its records per year and kind, and a look-up of one of its documents.
import { h, append, externalLink, formatDate, formatNumber, table } from "../dom.js";
import { get, enc } from "../api.js";
import { currentLang, link, t, tv } from "../i18n.js";
import { pageTitle, problem, section, badge, keyValues, empty, unavailableOr } from "../ui.js";
import { stackedBars, yearKindSeries } from "../charts.js";
import { editionDiff, editionsTable } from "../editions.js";
import { yearKindCounts } from "../stats.js";

export async function render(root, route) {
  const code = route.params.code.toUpperCase();
  const signal = route.signal;
  const lang = currentLang();
  let profile = null;
  try {
    profile = await get("/api/v1/catalog/offices/" + enc(code), { signal });
  } catch (error) {
    if (error.status !== 404) root.append(problem(error) || "");
  }
  // without a catalogue profile, the name the search index knows from the office's APIs will do
  let name = profile && profile.name;
  if (!name) {
    name = await get("/api/v1/search/apis?limit=1&office=" + enc(code), { signal })
      .then(found => found && found.items && found.items[0] && found.items[0].officeName).catch(() => null);
  }
  root.append(pageTitle(name ? name + " (" + code + ")" : t("office.title", { code }),
    profile ? null : t("office.noProfile")));

  const profileBox = profile ? section(t("office.profile"), keyValues([
    [t("office.code"), code],
    [t("office.country"), profile.country],
    [t("office.organisation"), profile.organisation],
    [t("office.contact"), [profile.contactName, profile.contactEmail].filter(Boolean).join(" · ") || null],
    [t("office.contactUrl"), profile.contactUrl ? externalLink(profile.contactUrl) : null],
    [t("office.website"), profile.website ? externalLink(profile.website) : null],
    [t("office.apiCount"), formatNumber(profile.apiCount, lang)],
  ])) : null;

  const apisBox = h("div", {}, h("p", { class: "status" }, t("common.loading")));
  const editionsBox = h("div", {}, h("p", { class: "status" }, t("common.loading")));
  const pctBox = h("div", {}, h("p", { class: "status" }, t("common.loading")));
  const chartBox = h("div", {}, h("p", { class: "status" }, t("common.loading")));
  root.querySelector(".page-head").append(h("p", {},
    h("a", { href: link("/offices/" + enc(code) + "/scorecard"), id: "scorecard-link" }, t("office.scorecard"))));
  append(root, [profileBox,
    section(t("office.apis"), apisBox),
    section(t("office.authority"), pctBox, editionsBox),
    section(t("office.records"), chartBox),
    section(t("office.lookup"), lookupForm(code, signal))]);

  get("/api/v1/catalog/apis?limit=200&office=" + enc(code), { signal }).then((page) => {
    const apis = (page && page.items) || [];
    apisBox.replaceChildren(apis.length ? table([
      { label: t("office.apiTitle"), value: a => h("a", { href: link("/apis/" + enc(a.apiId)) }, a.title || a.apiId) },
      { label: t("facet.lifecycle"), value: a => badge(tv("lifecycle", a.lifecycle), "lifecycle-" + a.lifecycle) },
      { label: t("api.latestVersion"), value: a => String(a.latestVersion), class: "num" },
      { label: t("facet.endpointStatus"), value: a => a.endpointStatus ? badge(tv("endpointStatus", a.endpointStatus), "status-" + a.endpointStatus) : "—" },
      { label: t("api.updated"), value: a => formatDate(a.updatedAt, lang) },
    ], apis) : empty(t("office.noApis")));
  }).catch(error => apisBox.replaceChildren(unavailableOr(error, t("office.apis")) || ""));

  get("/api/v1/authority/offices/" + enc(code) + "/editions?limit=20", { signal })
    .then(page => editionsBox.replaceChildren(editionsTable((page && page.items) || []),
      h("h3", {}, t("edition.diff")), editionDiff((page && page.items) || [], signal)))
    .catch(error => editionsBox.replaceChildren(unavailableOr(error, t("office.editions")) || ""));

  get("/api/v1/authority/scope/status", { signal }).then((status) => {
    const mine = ((status && status.offices) || []).find(o => o.office === code);
    pctBox.replaceChildren(mine ? keyValues([
      [t("pct.inScope"), t("common.yes")],
      [t("pct.latestEdition"), mine.authorityFile ? (mine.producedOn || "#" + mine.activeEditionId) : t("pct.noFile")],
      [t("pct.age"), mine.ageDays !== undefined && mine.ageDays !== null ? t("pct.days", { days: mine.ageDays }) : null],
      [t("pct.records"), mine.recordCount !== undefined ? formatNumber(mine.recordCount, lang) : null],
      [t("pct.years"), mine.firstYear ? mine.firstYear + "–" + mine.lastYear : null],
      [t("pct.gaps"), (mine.gaps || []).map(g => g.from === g.to ? g.from : g.from + "–" + g.to).join(", ") || null],
      [t("pct.kindsNeverSeen"), (mine.kindsNeverSeen || []).join(", ") || null],
    ]) : h("p", { class: "hint" }, t("office.notInScope")));
  }).catch(error => pctBox.replaceChildren(unavailableOr(error, t("pct.title")) || ""));

  yearKindCounts(code, signal).then((statistics) => {
    if (!statistics.length) { chartBox.replaceChildren(empty(t("office.noRecords"))); return; }
    const { categories, series } = yearKindSeries(statistics);
    chartBox.replaceChildren(stackedBars({ title: t("office.recordsChart", { code }), categories, series }));
  }).catch(error => chartBox.replaceChildren(unavailableOr(error, t("office.records")) || ""));
}

/** Look-up by any written form of a number, e.g. "EP 1 000 000 B1" (GET /api/v1/authority/documents/{number}). */
function lookupForm(code, signal) {
  const input = h("input", { id: "lookup-number", placeholder: code + " 1 000 000 B1", autocomplete: "off" });
  const out = h("div", { "aria-live": "polite" });
  return h("div", {},
    h("form", { class: "inline-form", onsubmit: async (event) => {
      event.preventDefault();
      const number = input.value.trim();
      if (!number) return;
      out.replaceChildren(h("p", { class: "status" }, t("common.loading")));
      try {
        const doc = await get("/api/v1/authority/documents/" + enc(number), { signal });
        out.replaceChildren(keyValues(Object.entries(doc || {})
          .filter(([, v]) => v !== null && typeof v !== "object").map(([k, v]) => [k, String(v)])));
      } catch (error) {
        out.replaceChildren(unavailableOr(error, t("office.lookup")) || "",
          h("p", {}, h("a", { href: link("/search", { type: "authority", q: number }) }, t("office.lookupSearch"))));
      }
    } },
    h("label", { for: "lookup-number" }, t("office.number")), input, h("button", { type: "submit" }, t("office.find"))),
    out);
}
