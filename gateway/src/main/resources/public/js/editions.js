// An office's authority-file editions as a table, each with its validation report a click away.
import { h, formatDate, formatNumber, table } from "./dom.js";
import { get, enc } from "./api.js";
import { currentLang, t, tv } from "./i18n.js";
import { badge, empty, unavailableOr } from "./ui.js";
import { editionReport } from "./reports.js";

export function editionsTable(editions) {
  const lang = currentLang();
  if (!editions.length) return empty(t("office.noEditions"));
  return table([
    { label: "#", value: e => String(e.editionId), class: "num" },
    { label: t("edition.status"), value: e => badge(tv("editionStatus", e.status), "edition-" + e.status) },
    { label: t("edition.category"), value: e => tv("category", e.category) },
    { label: t("edition.produced"), value: e => e.producedOn || "—" },
    { label: t("edition.records"), value: e => formatNumber(e.setSize ?? e.recordsAccepted, lang), class: "num" },
    { label: t("report.rejected"), value: e => formatNumber(e.recordsRejected, lang), class: "num" },
    { label: t("edition.file"), value: e => e.fileName || e.layout },
    { label: t("edition.uploaded"), value: e => formatDate(e.createdAt, lang) },
    { label: t("edition.report"), value: e => reportToggle(e.editionId) },
  ], editions, { caption: t("office.editions") });
}

function reportToggle(editionId) {
  const box = h("div");
  const details = h("details", { class: "report-toggle" }, h("summary", {}, t("edition.showReport")), box);
  details.addEventListener("toggle", async () => {
    if (!details.open || box.childElementCount) return;
    try {
      box.replaceChildren(editionReport(await get("/api/v1/authority/editions/" + enc(editionId) + "/report")));
    } catch (error) {
      box.replaceChildren(unavailableOr(error, t("edition.report")) || "");
    }
  });
  return details;
}

/**
 * Compares two editions (GET /api/v1/authority/editions/{id}/diff?against={other}): added, removed and changed
 * records. Any numbers the answer carries are shown, and a table for each list of rows it has.
 */
export function editionDiff(editions, signal) {
  const kept = editions.filter(e => e.recordsKept !== false && (e.status === "active" || e.status === "superseded"));
  if (kept.length < 2) return h("p", { class: "hint" }, t("edition.diffNeedsTwo"));
  const pick = (id, selected) => h("select", { id }, kept.map(e => h("option", { value: e.editionId, selected: e.editionId === selected },
    "#" + e.editionId + (e.producedOn ? " · " + e.producedOn : ""))));
  const older = pick("diff-against", kept[1].editionId);
  const newer = pick("diff-edition", kept[0].editionId);
  const out = h("div", { "aria-live": "polite" });
  return h("div", {},
    h("form", { class: "inline-form", onsubmit: async (event) => {
      event.preventDefault();
      out.replaceChildren(h("p", { class: "status" }, t("common.loading")));
      try {
        const diff = await get("/api/v1/authority/editions/" + enc(newer.value) + "/diff?against=" + enc(older.value), { signal });
        out.replaceChildren(diffView(diff));
      } catch (error) {
        out.replaceChildren(unavailableOr(error, t("edition.diff")) || "");
      }
    } },
    h("span", { class: "field inline" }, h("label", { for: "diff-against" }, t("api.diffFrom")), older),
    h("span", { class: "field inline" }, h("label", { for: "diff-edition" }, t("api.diffTo")), newer),
    h("button", { type: "submit" }, t("edition.compare"))),
    out);
}

function diffView(diff) {
  const lang = currentLang();
  const numbers = Object.entries(diff || {}).filter(([, v]) => typeof v === "number");
  const lists = Object.entries(diff || {}).filter(([, v]) => Array.isArray(v) && v.length && typeof v[0] === "object");
  return h("div", {},
    numbers.length ? h("ul", { class: "tiles" }, numbers.map(([k, v]) => h("li", { class: "tile" },
      h("span", { class: "tile-value" }, formatNumber(v, lang)), h("span", { class: "tile-label" }, k)))) : null,
    lists.map(([name, rows]) => {
      const columns = Object.keys(rows[0]).map(key => ({ label: key, value: row => {
        const v = row[key];
        return v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);
      } }));
      return table(columns, rows.slice(0, 500), { caption: name });
    }));
}
