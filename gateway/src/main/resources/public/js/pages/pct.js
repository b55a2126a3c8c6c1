// The PCT minimum documentation dashboard: one row per office in the scope (latest edition, its age, records,
// coverage years, gaps), the scope itself, and charts of records per office and per year and kind.
import { h, formatNumber, table } from "../dom.js";
import { get, enc } from "../api.js";
import { currentLang, link, t } from "../i18n.js";
import { pageTitle, section, badge, empty, unavailableOr, problem } from "../ui.js";
import { horizontalBars, stackedBars, yearKindSeries } from "../charts.js";
import { yearKindCounts } from "../stats.js";

/** An authority file older than this is flagged: WIPO asks for updates twice a year. */
const STALE_DAYS = 200;

export async function render(root, route) {
  const signal = route.signal;
  const lang = currentLang();
  root.append(pageTitle(t("pct.title"), t("pct.subtitle")));
  let status;
  try {
    status = await get("/api/v1/authority/scope/status", { signal });
  } catch (error) {
    root.append(unavailableOr(error, t("pct.title")) || "");
    return;
  }
  const offices = (status && status.offices) || [];
  const withFile = offices.filter(o => o.authorityFile);
  const stale = withFile.filter(o => (o.ageDays || 0) > STALE_DAYS);
  const withGaps = offices.filter(o => (o.gaps || []).length || (o.kindsNeverSeen || []).length);

  root.append(h("ul", { class: "tiles", "aria-label": t("pct.summary") },
    tile(t("pct.tile.scope"), offices.length, t("pct.scopeVersion", { version: status.scopeVersion, asOf: status.asOf })),
    tile(t("pct.tile.withFile"), withFile.length),
    tile(t("pct.tile.missingFile"), offices.length - withFile.length, null, offices.length > withFile.length ? "warn" : ""),
    tile(t("pct.tile.stale"), stale.length, t("pct.staleHint", { days: STALE_DAYS }), stale.length ? "warn" : ""),
    tile(t("pct.tile.gaps"), withGaps.length, null, withGaps.length ? "warn" : "")));

  root.append(section(t("pct.offices"), offices.length ? table([
    { label: t("pct.office"), value: o => h("a", { href: link("/offices/" + enc(o.office)) }, o.office) },
    { label: t("pct.latestEdition"), value: o => o.authorityFile ? (o.producedOn || "#" + o.activeEditionId) : badge(t("pct.noFile"), "warn") },
    { label: t("pct.age"), value: o => o.ageDays === undefined || o.ageDays === null ? "—"
      : h("span", { class: o.ageDays > STALE_DAYS ? "stale" : null }, t("pct.days", { days: formatNumber(o.ageDays, lang) })), class: "num" },
    { label: t("pct.records"), value: o => o.recordCount === undefined || o.recordCount === null ? "—" : formatNumber(o.recordCount, lang), class: "num" },
    { label: t("pct.years"), value: o => o.firstYear ? o.firstYear + "–" + o.lastYear : "—" },
    { label: t("pct.gaps"), value: o => gapText(o) },
    { label: t("pct.kindsOutside"), value: o => (o.kindsOutsideScope || []).join(", ") || "—" },
  ], offices, { caption: t("pct.tableCaption", { asOf: status.asOf }), className: "data dashboard",
    rowClass: o => !o.authorityFile ? "missing-file" : (o.gaps || []).length ? "has-gaps" : null }) : empty(t("pct.emptyScope"))));

  const charts = h("div", { class: "charts" });
  root.append(section(t("pct.charts"), charts), section(t("pct.scope"), scopeBox(signal)));
  if (withFile.length) {
    charts.append(horizontalBars({ title: t("pct.recordsPerOffice"),
      items: withFile.map(o => ({ label: o.office, value: o.recordCount || 0 })) }));
  }
  const kindChart = h("div");
  charts.append(kindChart);
  recordsPerKind(withFile, signal).then(chart => kindChart.replaceChildren(chart || ""))
    .catch(error => kindChart.replaceChildren(problem(error) || ""));
  const picker = h("select", { id: "chart-office" }, h("option", { value: "" }, t("pct.allOffices")),
    withFile.map(o => h("option", { value: o.office }, o.office)));
  const yearChart = h("div");
  charts.append(h("div", { class: "inline-form" }, h("label", { for: "chart-office" }, t("pct.chartOffice")), picker), yearChart);
  const draw = async () => {
    yearChart.replaceChildren(h("p", { class: "status" }, t("common.loading")));
    try {
      const office = picker.value;
      const statistics = await yearKindCounts(office, signal);
      if (!statistics.length) { yearChart.replaceChildren(empty(t("office.noRecords"))); return; }
      const { categories, series } = yearKindSeries(statistics);
      yearChart.replaceChildren(stackedBars({ title: t("pct.recordsPerYear", { office: office || t("pct.allOffices") }), categories, series }));
    } catch (error) {
      yearChart.replaceChildren(unavailableOr(error, t("pct.recordsPerYear", { office: "" })) || "");
    }
  };
  picker.addEventListener("change", draw);
  draw();
}

/** Records per kind and office, from each active edition's summary. */
async function recordsPerKind(offices, signal) {
  const editions = await Promise.all(offices.filter(o => o.activeEditionId).slice(0, 40)
    .map(o => get("/api/v1/authority/editions/" + enc(o.activeEditionId), { signal }).catch(() => null)));
  const found = editions.filter(e => e && e.summary && e.summary.byKind);
  if (!found.length) return null;
  const kinds = [...new Set(found.flatMap(e => Object.keys(e.summary.byKind)))].sort();
  return stackedBars({ title: t("pct.recordsPerKind"), categories: found.map(e => e.office),
    series: kinds.map(kind => ({ name: kind, values: found.map(e => e.summary.byKind[kind] || 0) })) });
}

function tile(label, value, hint, kind) {
  return h("li", { class: "tile " + (kind || "") }, h("span", { class: "tile-value" }, formatNumber(value, currentLang())),
    h("span", { class: "tile-label" }, label), hint ? h("span", { class: "tile-hint" }, hint) : null);
}

function gapText(o) {
  if (!o.authorityFile) return "—";
  const parts = [];
  if ((o.gaps || []).length) parts.push(t("pct.gapYears", { years: o.gaps.map(g => g.from === g.to ? g.from : g.from + "–" + g.to).join(", ") }));
  if ((o.kindsNeverSeen || []).length) parts.push(t("pct.gapKinds", { kinds: o.kindsNeverSeen.join(", ") }));
  return parts.length ? h("span", { class: "gap" }, parts.join("; ")) : h("span", { class: "ok" }, t("pct.noGaps"));
}

function scopeBox(signal) {
  const box = h("div", {}, h("p", { class: "status" }, t("common.loading")));
  get("/api/v1/authority/scope", { signal }).then(scope => {
    box.replaceChildren(h("p", { class: "hint" }, t("pct.scopeMeta", { version: scope.version, by: scope.createdBy })),
      h("details", {}, h("summary", {}, t("pct.scopeEntries", { count: scope.entries.length })), table([
        { label: t("pct.office"), value: e => e.office },
        { label: t("scope.kinds"), value: e => e.kinds.join(", ") },
        { label: t("scope.years"), value: e => e.fromYear + "–" + (e.toYear || t("scope.today")) },
        { label: t("scope.note"), value: e => e.note || "" },
      ], scope.entries)),
      h("p", {}, h("a", { href: link("/admin", { tab: "scope" }) }, t("pct.editScope"))));
  }).catch(error => box.replaceChildren(error.status === 404 ? empty(t("pct.emptyScope")) : problem(error) || ""));
  return box;
}
