// Reports shown on more than one page: the ST.90 report of a spec and the validation report of an authority file.
import { h, formatNumber, table } from "./dom.js";
import { currentLang, t, tv } from "./i18n.js";
import { badge, keyValues } from "./ui.js";

export function lintReport(report) {
  const counts = report.counts || {};
  const summary = h("div", { class: "scoreline" },
    h("span", { class: "score", "aria-label": t("api.score") }, String(report.score)),
    h("span", {}, t("api.level"), " ", badge(report.level, "level level-" + report.level)),
    h("span", {}, t("api.rules", { checked: report.rulesChecked, failed: report.rulesFailed })),
    h("span", {}, badge("MUST " + (counts.must || 0), "sev-MUST"), " ", badge("SHOULD " + (counts.should || 0), "sev-SHOULD"),
      " ", badge("MAY " + (counts.may || 0), "sev-MAY")));
  const violations = report.violations || [];
  return h("div", {}, summary,
    violations.length ? h("div", { class: "violations" },
      h("p", { class: "hint" }, t("api.violations", { count: violations.length })), byRule(violations))
      : h("p", { class: "notice ok" }, t("api.noViolations")),
    (report.excepted || []).length ? h("details", {}, h("summary", {}, t("api.excepted", { count: report.excepted.length })),
      byRule(report.excepted)) : null);
}

/** One line per broken rule (most serious first, as the report orders them); its places open underneath. */
function byRule(violations) {
  const groups = new Map();
  for (const v of violations) {
    if (!groups.has(v.ruleId)) groups.set(v.ruleId, []);
    groups.get(v.ruleId).push(v);
  }
  return h("ul", { class: "rule-groups" }, [...groups.entries()].map(([ruleId, list]) => h("li", {},
    h("details", { class: "rule-group" },
      h("summary", {}, badge(list[0].severity, "sev-" + list[0].severity), " ", h("code", { class: "rule-id" }, ruleId),
        " ", h("span", { class: "count" }, t("api.places", { count: list.length })),
        h("span", { class: "rule-message" }, list[0].message)),
      table([
        { label: t("api.col.pointer"), value: v => h("code", { class: "pointer" }, v.pointer || "/") },
        { label: t("api.col.line"), value: v => v.line ? String(v.line) : "—", class: "num" },
        { label: t("api.col.message"), value: v => v.message },
      ], list, { className: "data violations" })))));
}

/** The validation report of an authority-file upload (GET /api/v1/authority/editions/{id}/report). */
export function editionReport(report) {
  const lang = currentLang();
  const errors = report.errors || [];
  const counts = Object.entries(report.errorCounts || {});
  return h("div", { class: "edition-report" },
    h("p", { class: "scoreline" }, badge(tv("outcome", report.outcome), "outcome-" + report.outcome),
      report.detail ? h("span", {}, report.detail) : null),
    keyValues([
      [t("report.read"), formatNumber(report.recordsRead, lang)],
      [t("report.accepted"), formatNumber(report.recordsAccepted, lang)],
      [t("report.rejected"), formatNumber(report.recordsRejected, lang)],
      [t("report.definitions"), report.definitionsFrom ? tv("definitionsFrom", report.definitionsFrom) : null],
      [t("report.deletions"), report.deletions !== undefined && report.deletions !== null ? formatNumber(report.deletions, lang) : null],
    ]),
    counts.length ? table([
      { label: t("report.errorType"), value: ([type]) => h("code", {}, type) },
      { label: t("report.count"), value: ([, n]) => formatNumber(n, lang), class: "num" },
    ], counts, { caption: t("report.errorCounts") }) : null,
    errors.length ? table([
      { label: t("api.col.line"), value: e => e.line ? String(e.line) : (e.pointer ? h("code", {}, e.pointer) : "—"), class: "num" },
      { label: t("api.col.message"), value: e => e.message || e.detail || "" },
    ], errors, { caption: t("report.firstErrors", { count: errors.length }) }) : null,
    (report.notes || []).length ? h("ul", { class: "notes" }, report.notes.map(n => h("li", {}, n))) : null);
}
