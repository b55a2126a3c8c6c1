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
