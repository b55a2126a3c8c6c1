// An office's scorecard: each API's ST.90 score and level, breaking changes and endpoint uptime beside the age of the
// office's authority file and its PCT minimum-documentation coverage, now and month by month over the last 12
// months (GET /api/v1/offices/{code}/scorecard; the gateway composes it from catalog- and authority-service).
import { h, formatDate, formatNumber, table } from "../dom.js";
import { get, enc } from "../api.js";
import { currentLang, link, t, tv } from "../i18n.js";
import { pageTitle, problem, section, badge, keyValues, empty, notice } from "../ui.js";
import { lineChart, stackedBars } from "../charts.js";

const DAY = 86_400_000;

export async function render(root, route) {
  const code = route.params.code.toUpperCase();
  let card;
  try {
    card = await get("/api/v1/offices/" + enc(code) + "/scorecard", { signal: route.signal });
  } catch (error) {
    root.append(pageTitle(t("office.title", { code })),
      error.status === 404 ? notice(t("scorecard.notFound", { code }), "error") : problem(error) || "");
    return;
  }
  const lang = currentLang();
  const months = lastMonths(new Date(card.generatedAt), 12);
  const ends = months.map((m, i) => i === months.length - 1 ? new Date(card.generatedAt) : monthEnd(m));
  const apis = card.apis || [];
  const authority = card.authority || {};

  root.append(pageTitle(t("scorecard.title", { name: (card.officeName || code) + " (" + code + ")" }), t("scorecard.subtitle")),
    h("p", {}, h("a", { href: link("/offices/" + enc(code)) }, t("office.title", { code }))),
    section(t("scorecard.apis"), apis.length === 0 ? empty(t("scorecard.noApis")) : apisTable(apis, lang)),
    section(t("scorecard.authority"), authorityBox(authority, lang)),
    section(t("scorecard.history"), h("div", { class: "scorecard-charts", id: "scorecard-charts" },
      apis.length ? lineChart({ title: t("scorecard.chart.st90"), categories: months, max: 100,
        series: apis.map(a => ({ name: a.title || a.apiId, values: ends.map(end => scoreAt(a.st90History || [], end)) })) }) : null,
      apis.length ? stackedBars({ title: t("scorecard.chart.breaking"), categories: months,
        series: apis.map(a => ({ name: a.title || a.apiId, values: (a.breakingChangesByMonth || []).map(m => m.count) })) }) : null,
      apis.length ? lineChart({ title: t("scorecard.chart.uptime"), categories: months, max: 100, unit: "%",
        series: apis.map(a => ({ name: a.title || a.apiId, values: (a.uptimeByMonth || []).map(m => m.percent) })) }) : null,
      lineChart({ title: t("scorecard.chart.age"), categories: months,
        series: [{ name: t("scorecard.fileSeries"), values: ends.map(end => ageAt(authority.history || [], end)) }] }),
      lineChart({ title: t("scorecard.chart.gaps"), categories: months,
        series: [{ name: t("scorecard.fileSeries"), values: ends.map(end => gapsAt(authority.history || [], end)) }] }))));
}

function apisTable(apis, lang) {
  return table([
    { label: t("scorecard.col.api"), value: a => h("a", { href: link("/apis/" + enc(a.apiId)) }, a.title || a.apiId) },
    { label: t("scorecard.col.st90"), value: a => a.st90Score === null || a.st90Score === undefined ? "—" : String(a.st90Score), class: "num" },
    { label: t("scorecard.col.level"), value: a => a.st90Level ? badge(a.st90Level, "level level-" + a.st90Level) : "—" },
    { label: t("scorecard.col.breaking"), value: a => formatNumber(a.breakingChanges12Months, lang), class: "num" },
    { label: t("scorecard.col.uptime"), value: a => a.uptimePercent30Days === null || a.uptimePercent30Days === undefined ? "—"
      : formatNumber(a.uptimePercent30Days, lang) + " %", class: "num" },
    { label: t("scorecard.col.status"), value: a => badge(tv("endpointStatus", a.endpointStatus), "status-" + a.endpointStatus) },
  ], apis, { className: "data scorecard-apis" });
}

function authorityBox(authority, lang) {
  const current = authority.current || {};
  const status = authority.coverageStatus || "notInScope";
  const gapYears = (current.gaps || []).reduce((sum, r) => sum + (r.to - r.from + 1), 0);
  return h("div", { id: "scorecard-authority" },
    h("p", {}, badge(tv("coverageStatus", status), "coverage-" + status)),
    keyValues([
      [t("scorecard.age"), current.ageDays === null || current.ageDays === undefined ? null
        : t("scorecard.ageDays", { days: formatNumber(current.ageDays, lang), count: current.ageDays })],
      [t("scorecard.producedOn"), current.producedOn],
      [t("scorecard.activatedAt"), authority.activatedAt ? formatDate(authority.activatedAt, lang) : null],
      [t("scorecard.records"), current.recordCount === null || current.recordCount === undefined ? null : formatNumber(current.recordCount, lang)],
      [t("scorecard.gapYears"), current.authorityFile && authority.inScope ? formatNumber(gapYears, lang) : null],
      [t("scorecard.kindsNeverSeen"), current.kindsNeverSeen && current.kindsNeverSeen.length ? current.kindsNeverSeen.join(", ") : null],
    ]));
}

/** "2026-01" … "2026-12", the last being the month of `now` (UTC, as the services count). */
function lastMonths(now, count) {
  const months = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(d.getUTCFullYear() + "-" + String(d.getUTCMonth() + 1).padStart(2, "0"));
  }
  return months;
}

function monthEnd(month) {
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m, 1) - 1);
}

function lastBefore(points, end, at) {
  let found = null;
  for (const point of points) if (new Date(at(point)) <= end) found = point;
  return found;
}

function scoreAt(history, end) {
  const point = lastBefore(history, end, p => p.at);
  return point && point.score !== null && point.score !== undefined ? point.score : null;
}

function ageAt(history, end) {
  const point = lastBefore(history, end, p => p.activatedAt);
  if (!point || !point.producedOn) return null;
  return Math.max(0, Math.floor((end - new Date(point.producedOn + "T00:00:00Z")) / DAY));
}

function gapsAt(history, end) {
  const point = lastBefore(history, end, p => p.activatedAt);
  return point ? point.gapYears : null;
}
