// Coverage check: an examiner uploads the list of documents their collection holds, the check runs as a job
// (progress polled), and the report shows per office, year and kind what is missing and extra, with the lists
// to download. /coverage is the form; /coverage/{checkId} follows one check to its report.
import { h, formatBytes, formatDate, formatNumber, field, table } from "../dom.js";
import { get, upload, enc, mediaTypeOf } from "../api.js";
import { currentLang, link, t, tv } from "../i18n.js";
import { go } from "../app.js";
import { pageTitle, section, badge, progressBar, problem, statusLine, empty, sleep, keyValues } from "../ui.js";
import { horizontalBars, stackedBars } from "../charts.js";

const BASE = "/api/v1/authority/coverageChecks";
const RECENT = "ipdex.recentChecks";

export async function render(root, route) {
  if (route.params.checkId) return follow(root, route, route.params.checkId);
  root.append(pageTitle(t("coverage.title"), t("coverage.subtitle")), section(t("coverage.new"), form(route)));
  const recent = JSON.parse(sessionStorage.getItem(RECENT) || "[]");
  if (recent.length) {
    root.append(section(t("coverage.recent"), h("ul", {}, recent.map(c => h("li", {},
      h("a", { href: link("/coverage/" + enc(c.checkId)) }, c.name || c.checkId), " · ", formatDate(c.createdAt, currentLang()))))));
  }
}

function form(route) {
  const file = h("input", { type: "file", id: "collection-file", name: "file", required: true, accept: ".txt,.csv,.gz,text/plain,text/csv" });
  const pct = h("input", { type: "radio", name: "scope", id: "scope-pct", value: "pct", checked: true });
  const some = h("input", { type: "radio", name: "scope", id: "scope-offices", value: "offices" });
  const offices = h("input", { id: "scope-office-list", placeholder: "EP, US", autocomplete: "off" });
  const name = h("input", { id: "check-name", maxlength: "200", autocomplete: "off" });
  const column = h("input", { id: "check-column", size: "6", autocomplete: "off" });
  const bar = progressBar(t("coverage.uploading"));
  bar.hidden = true;
  const out = h("div", { "aria-live": "polite" });
  const button = h("button", { type: "submit", id: "start-check" }, t("coverage.start"));
  return h("form", { class: "stack", id: "coverage-form", onsubmit: async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    const query = new URLSearchParams();
    if (pct.checked) query.set("scope", "pct");
    else query.set("offices", offices.value.split(/[\s,]+/).filter(Boolean).join(",").toUpperCase());
    if (name.value.trim()) query.set("name", name.value.trim());
    if (column.value.trim()) query.set("column", column.value.trim());
    button.disabled = true;
    bar.hidden = false;
    out.replaceChildren();
    try {
      const type = mediaTypeOf(chosen.name);
      const check = await upload("POST", BASE + "?" + query, chosen, {
        auth: false, signal: route.signal,
        contentType: type === "application/octet-stream" ? "text/plain" : type,
        onProgress: (sent, total) => bar.update(total ? sent / total : null,
          t("coverage.uploaded", { sent: formatBytes(sent), total: formatBytes(total) })),
      });
      remember(check);
      go("/coverage/" + enc(check.checkId));
    } catch (error) {
      out.replaceChildren(problem(error) || "");
      button.disabled = false;
      bar.hidden = true;
    }
  } },
  field(t("coverage.file"), file, t("coverage.fileHint")),
  h("fieldset", {}, h("legend", {}, t("coverage.scope")),
    h("div", { class: "radio" }, pct, h("label", { for: "scope-pct" }, t("coverage.scopePct"))),
    h("div", { class: "radio" }, some, h("label", { for: "scope-offices" }, t("coverage.scopeOffices"))),
    field(t("coverage.officeList"), offices)),
  field(t("coverage.name"), name, t("coverage.nameHint")),
  field(t("coverage.column"), column, t("coverage.columnHint")),
  button, bar, out);
}

function remember(check) {
  const recent = JSON.parse(sessionStorage.getItem(RECENT) || "[]").filter(c => c.checkId !== check.checkId);
  recent.unshift({ checkId: check.checkId, name: check.name, createdAt: check.createdAt });
  sessionStorage.setItem(RECENT, JSON.stringify(recent.slice(0, 10)));
}

async function follow(root, route, checkId) {
  const lang = currentLang();
  root.append(pageTitle(t("coverage.checkTitle"), checkId));
  const bar = progressBar(t("coverage.progress"));
  const status = statusLine();
  const body = h("div", { id: "check-report" });
  root.append(section(t("coverage.progress"), status, bar), body);
  for (;;) {
    let check;
    try {
      check = await get(BASE + "/" + enc(checkId), { signal: route.signal });
    } catch (error) {
      if (error.name === "AbortError") return;
      body.replaceChildren(problem(error) || "");
      return;
    }
    const p = check.progress || {};
    const phase = check.phase ? tv("phase", check.phase) : tv("checkStatus", check.status);
    // reading is measured by the bytes of the upload read so far; comparing is one set-based query of unknown length
    const fraction = check.status === "done" ? 1 : check.phase === "reading" && p.bytesTotal ? 0.9 * p.bytesRead / p.bytesTotal
      : check.phase === "comparing" ? null : 0;
    bar.update(fraction, t("coverage.progressText", { phase, rows: formatNumber(p.rowsRead || 0, lang),
      rate: p.rowsPerSecond ? formatNumber(p.rowsPerSecond, lang) : "—", eta: p.etaSeconds ?? "—" }));
    status.show(tv("checkStatus", check.status), check.status === "failed");
    if (check.status === "done" && check.report) {
      bar.hidden = true;
      body.replaceChildren(...report(checkId, check).filter(Boolean));
      return;
    }
    if (check.status === "failed") {
      bar.hidden = true;
      body.replaceChildren(h("p", { class: "notice error", role: "alert" }, check.error || t("coverage.failed")));
      return;
    }
    await sleep(1000, route.signal);
  }
}

function report(checkId, check) {
  const lang = currentLang();
  const r = check.report;
  const totals = r.totals || {};
  const pct = (v) => v === null || v === undefined ? "—" : formatNumber(v, lang) + " %";
  const offices = r.offices || [];
  const rows = (r.rows || []).filter(row => row.publicationYear !== null && row.publicationYear !== undefined);
  const years = [...new Set(rows.map(row => row.publicationYear))].sort((a, b) => a - b);
  const officeCodes = [...new Set(rows.map(row => row.office))].sort();
  const missingSeries = officeCodes.map(office => ({ name: office, values: years.map(year =>
    rows.filter(row => row.office === office && row.publicationYear === year).reduce((s, row) => s + row.missing, 0)) }));
  const download = h("p", { class: "downloads" },
    h("a", { class: "button", href: BASE + "/" + enc(checkId) + "/missing", download: checkId + "-missing.csv", id: "download-missing" }, t("coverage.downloadMissing")),
    " ",
    h("a", { class: "button secondary", href: BASE + "/" + enc(checkId) + "/extra", download: checkId + "-extra.csv", id: "download-extra" }, t("coverage.downloadExtra")));
  const ROW_LIMIT = 500;
  return [
    section(t("coverage.summary"),
      h("ul", { class: "tiles" },
        tileOf(t("coverage.complete"), pct(totals.percentComplete), "big"),
        tileOf(t("coverage.expected"), formatNumber(totals.expected, lang)),
        tileOf(t("coverage.held"), formatNumber(totals.held, lang)),
        tileOf(t("coverage.missing"), formatNumber(totals.missing, lang), totals.missing ? "warn" : ""),
        tileOf(t("coverage.extra"), formatNumber(totals.extra, lang)),
        tileOf(t("coverage.exceptions"), formatNumber(totals.exceptions, lang))),
      keyValues([
        [t("coverage.scope"), r.scope ? (r.scope.key === "pct" ? t("coverage.scopePctVersion", { version: r.scope.version })
          : t("coverage.scopeOfficesList", { offices: (r.scope.lines || []).map(l => l.office).join(", ") })) : null],
        [t("coverage.name"), r.collection && r.collection.name],
        [t("coverage.rowsRead"), r.collection ? formatNumber(r.collection.rowsRead, lang) : null],
        [t("coverage.outside"), r.collection && Object.keys(r.collection.outsideScope || {}).length
          ? Object.entries(r.collection.outsideScope).map(([o, n]) => o + ": " + formatNumber(n, lang)).join(", ") : null],
        [t("coverage.finished"), formatDate(check.finishedAt, lang)],
      ]),
      download),
    section(t("coverage.charts"), h("div", { class: "charts" },
      offices.length ? horizontalBars({ title: t("coverage.completePerOffice"), max: 100,
        items: offices.map(o => ({ label: o.office, value: o.counts.percentComplete || 0, text: pct(o.counts.percentComplete),
          colour: (o.counts.percentComplete || 0) >= 99.5 ? "#2e8540" : "#e07b00" })) }) : null,
      years.length ? stackedBars({ title: t("coverage.missingPerYear"), categories: years.map(String), series: missingSeries }) : null)),
    r.changes ? section(t("coverage.changes"), changes(r.changes)) : null,
    section(t("coverage.perOffice"), table(countColumns(o => o.office, o => o.counts, t("pct.office")), offices)),
    section(t("coverage.rows"), r.rows.length > ROW_LIMIT ? h("p", { class: "hint" }, t("coverage.rowsLimited", { count: ROW_LIMIT })) : null,
      table(countColumns(row => [row.office, " ", row.publicationYear ?? t("coverage.noYear"), " ", row.kind || ""], row => row),
        r.rows.slice(0, ROW_LIMIT), { rowClass: row => row.missing ? "has-gaps" : null })),
    r.collection && r.collection.unparseable && r.collection.unparseable.count
      ? section(t("coverage.unparseable", { count: r.collection.unparseable.count }), table([
        { label: t("api.col.line"), value: b => String(b.line), class: "num" },
        { label: t("coverage.text"), value: b => h("code", {}, b.text) },
      ], r.collection.unparseable.samples || [])) : null,
  ];
}

function countColumns(label, counts, heading) {
  const lang = currentLang();
  const n = (key) => (x) => formatNumber(counts(x)[key], lang);
  return [
    { label: heading || t("coverage.where"), value: label },
    { label: t("coverage.expected"), value: n("expected"), class: "num" },
    { label: t("coverage.held"), value: n("held"), class: "num" },
    { label: t("coverage.missing"), value: n("missing"), class: "num" },
    { label: t("coverage.extra"), value: n("extra"), class: "num" },
    { label: t("coverage.exceptions"), value: n("exceptions"), class: "num" },
    { label: "%", value: x => counts(x).percentComplete === null || counts(x).percentComplete === undefined ? "—" : String(counts(x).percentComplete), class: "num" },
  ];
}

function changes(c) {
  const lang = currentLang();
  return h("div", {}, h("p", {}, t("coverage.since", { date: formatDate(c.previousCreatedAt, lang) }), " ",
    h("a", { href: link("/coverage/" + enc(c.previousCheckId)) }, t("coverage.previous"))),
  keyValues([
    [t("coverage.newlyMissing"), formatNumber(c.newlyMissing, lang)],
    [t("coverage.noLongerMissing"), formatNumber(c.noLongerMissing, lang)],
    [t("coverage.newlyHeld"), formatNumber(c.newlyHeld, lang)],
    [t("coverage.newlyExtra"), formatNumber(c.newlyExtra, lang)],
    [t("coverage.noLongerExtra"), formatNumber(c.noLongerExtra, lang)],
  ]));
}

function tileOf(label, value, kind) {
  return h("li", { class: "tile " + (kind || "") }, h("span", { class: "tile-value" }, value), h("span", { class: "tile-label" }, label));
}
