// An office's own pages: enter its API key, register a spec (file or URL) or a new version, check a spec
// without publishing it, upload an authority file (upload progress, then ingest progress), read the
// validation reports of its uploads, and manage the key's webhook subscriptions.
import { h, formatBytes, formatNumber, field, table } from "../dom.js";
import { apiKey, get, request, upload, enc, mediaTypeOf } from "../api.js";
import { currentLang, link, t, tv } from "../i18n.js";
import { pageTitle, section, badge, progressBar, problem, empty, sleep, keyValues, unavailableOr } from "../ui.js";
import { keyForm, officeCode } from "../keyform.js";
import { lintReport, editionReport } from "../reports.js";
import { editionsTable } from "../editions.js";
import { webhooksBox } from "../webhooks.js";

export async function render(root, route) {
  root.append(pageTitle(t("account.title"), t("account.subtitle")));
  const body = h("div");
  root.append(section(t("key.title"), h("p", { class: "hint" }, t("key.hint")), keyForm({ withOffice: true, onChange: draw })), body);

  function draw() {
    const office = officeCode.get();
    if (!apiKey.get()) {
      body.replaceChildren(h("p", { class: "notice" }, t("account.needKey")));
      return;
    }
    const myApis = h("div");
    const myEditions = h("div");
    body.replaceChildren(
      section(t("account.register"), registerForm(office, route, () => loadApis(myApis, office, route.signal))),
      section(t("account.dryRun"), dryRunForm(route)),
      section(t("account.upload"), office ? uploadForm(office, route, () => loadEditions(myEditions, office, route.signal))
        : h("p", { class: "notice" }, t("account.needOffice"))),
      section(t("account.myApis"), myApis),
      section(t("account.myEditions"), myEditions),
      section(t("webhooks.title"), webhooksBox(office, route.signal)));
    loadApis(myApis, office, route.signal);
    loadEditions(myEditions, office, route.signal);
  }
  draw();
}

async function loadApis(box, office, signal) {
  if (!office) { box.replaceChildren(h("p", { class: "hint" }, t("account.needOffice"))); return; }
  try {
    const page = await get("/api/v1/catalog/apis?limit=200&office=" + enc(office), { signal, auth: true });
    const apis = (page && page.items) || [];
    box.replaceChildren(apis.length ? table([
      { label: t("office.apiTitle"), value: a => h("a", { href: link("/apis/" + enc(a.apiId)) }, a.title || a.apiId) },
      { label: t("api.id"), value: a => h("code", {}, a.apiId) },
      { label: t("api.latestVersion"), value: a => String(a.latestVersion), class: "num" },
      { label: t("facet.lifecycle"), value: a => tv("lifecycle", a.lifecycle) },
    ], apis) : empty(t("office.noApis")));
    const select = document.getElementById("register-api");
    if (select) {
      select.replaceChildren(h("option", { value: "" }, t("account.newApi")),
        apis.map(a => h("option", { value: a.apiId }, a.title + " (" + a.apiId + ")")));
    }
  } catch (error) {
    box.replaceChildren(problem(error) || "");
  }
}

async function loadEditions(box, office, signal) {
  if (!office) { box.replaceChildren(h("p", { class: "hint" }, t("account.needOffice"))); return; }
  try {
    const page = await get("/api/v1/authority/offices/" + enc(office) + "/editions?limit=20", { signal, auth: true });
    box.replaceChildren(editionsTable((page && page.items) || []));
  } catch (error) {
    box.replaceChildren(unavailableOr(error, t("office.editions")) || "");
  }
}

function registerForm(office, route, onRegistered) {
  const useFile = h("input", { type: "radio", name: "spec-source", id: "spec-from-file", checked: true });
  const useUrl = h("input", { type: "radio", name: "spec-source", id: "spec-from-url" });
  const file = h("input", { type: "file", id: "spec-file", accept: ".json,.yaml,.yml,.zip" });
  const url = h("input", { type: "url", id: "spec-url", placeholder: "https://…/openapi.yaml" });
  const main = h("input", { id: "spec-main", placeholder: "openapi.yaml" });
  const apiSelect = h("select", { id: "register-api" }, h("option", { value: "" }, t("account.newApi")));
  const bar = progressBar(t("account.uploading"));
  bar.hidden = true;
  const out = h("div", { "aria-live": "polite", id: "register-result" });
  const button = h("button", { type: "submit" }, t("account.registerButton"));
  return h("form", { class: "stack", id: "register-form", onsubmit: async (event) => {
    event.preventDefault();
    const apiId = apiSelect.value;
    // a new version goes to the API's versions endpoint: creating an API never adds a version to an existing one
    // (an id that exists is a 409 naming it; the problem is shown as it is)
    const query = new URLSearchParams();
    if (office && !apiId) query.set("office", office);
    if (main.value.trim()) query.set("main", main.value.trim());
    const base = apiId ? "/api/v1/catalog/apis/" + enc(apiId) + "/versions" : "/api/v1/catalog/apis";
    const path = base + (query.toString() ? "?" + query : "");
    out.replaceChildren();
    button.disabled = true;
    try {
      let result;
      if (useUrl.checked) {
        result = await request("POST", path, { auth: true, body: JSON.stringify({ sourceUrl: url.value.trim() }),
          contentType: "application/json", signal: route.signal });
      } else {
        const chosen = file.files[0];
        if (!chosen) throw new Error(t("account.chooseFile"));
        bar.hidden = false;
        result = await upload("POST", path, chosen, { contentType: mediaTypeOf(chosen.name), signal: route.signal,
          onProgress: (sent, total) => bar.update(total ? sent / total : null, formatBytes(sent) + " / " + formatBytes(total)) });
      }
      out.replaceChildren(registration(result));
      onRegistered();
    } catch (error) {
      out.replaceChildren(error.status === undefined && error.name !== "AbortError"
        ? h("p", { class: "notice error", role: "alert" }, error.message) : problem(error) || "",
        error.status === 409 && !apiId ? h("p", { class: "hint", id: "register-exists" }, t("account.apiExists")) : "");
    } finally {
      button.disabled = false;
      bar.hidden = true;
    }
  } },
  field(t("account.target"), apiSelect),
  h("fieldset", {}, h("legend", {}, t("account.source")),
    h("div", { class: "radio" }, useFile, h("label", { for: "spec-from-file" }, t("account.fromFile"))),
    field(t("account.file"), file, t("account.fileHint")),
    field(t("account.main"), main, t("account.mainHint")),
    h("div", { class: "radio" }, useUrl, h("label", { for: "spec-from-url" }, t("account.fromUrl"))),
    field(t("account.url"), url, t("account.urlHint"))),
  button, bar, out);
}

function registration(r) {
  const api = r.api || {};
  return h("div", { class: "registration" },
    r.alert ? h("p", { class: "notice error", role: "alert" }, r.alert) : null,
    h("p", { class: "notice ok" }, t("account.outcome." + String(r.outcome).toLowerCase(), { version: r.version }), " ",
      h("a", { href: link("/apis/" + enc(api.apiId), { v: r.version }) }, api.title || api.apiId)),
    keyValues([
      [t("api.id"), h("code", {}, api.apiId)],
      ["ST.90", r.st90Score !== null && r.st90Score !== undefined ? r.st90Score + " · " + (r.st90Level || "") : null],
      [t("api.col.diff"), r.diffVerdict ? badge(tv("verdict", r.diffVerdict), "verdict-" + r.diffVerdict) : null],
      [t("account.breaking"), r.breakingChanges !== null && r.breakingChanges !== undefined ? String(r.breakingChanges) : null],
    ]),
    (r.warnings || []).length ? h("ul", { class: "warnings" }, r.warnings.map(w => h("li", {}, w))) : null);
}

function dryRunForm(route) {
  const file = h("input", { type: "file", id: "lint-file", accept: ".json,.yaml,.yml" });
  const out = h("div", { "aria-live": "polite" });
  return h("form", { class: "stack", onsubmit: async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    out.replaceChildren(h("p", { class: "status" }, t("common.loading")));
    try {
      out.replaceChildren(lintReport(await request("POST", "/api/v1/catalog/lintReports", { auth: true, body: chosen,
        contentType: mediaTypeOf(chosen.name), signal: route.signal })));
    } catch (error) {
      out.replaceChildren(problem(error) || "");
    }
  } }, h("p", { class: "hint" }, t("account.dryRunHint")), field(t("account.file"), file),
  h("button", { type: "submit" }, t("account.lintButton")), out);
}

function uploadForm(office, route, onDone) {
  const file = h("input", { type: "file", id: "authority-file", required: true });
  const layout = h("select", { id: "authority-layout" }, ["st37-xml", "epo-csv", "uspto-tsv"].map(v =>
    h("option", { value: v }, tv("layout", v))));
  const category = h("select", { id: "authority-category" }, ["", "full", "incremental", "differential"].map(v =>
    h("option", { value: v }, v ? tv("category", v) : t("account.categoryFromFile"))));
  const strict = h("input", { type: "checkbox", id: "authority-strict" });
  const sendBar = progressBar(t("account.uploading"));
  const ingestBar = progressBar(t("account.ingesting"));
  sendBar.hidden = true;
  ingestBar.hidden = true;
  const out = h("div", { "aria-live": "polite", id: "upload-result" });
  const button = h("button", { type: "submit", id: "upload-authority" }, t("account.uploadButton"));
  return h("form", { class: "stack", id: "authority-form", onsubmit: async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    const query = new URLSearchParams({ layout: layout.value, fileName: chosen.name });
    if (category.value) query.set("category", category.value);
    if (strict.checked) query.set("strict", "true");
    button.disabled = true;
    out.replaceChildren();
    sendBar.hidden = false;
    ingestBar.hidden = true;
    try {
      const answer = await upload("POST", "/api/v1/authority/offices/" + enc(office) + "/editions?" + query, chosen, {
        contentType: "application/octet-stream", signal: route.signal,
        onProgress: (sent, total) => sendBar.update(total ? sent / total : null,
          t("coverage.uploaded", { sent: formatBytes(sent), total: formatBytes(total) })),
      });
      sendBar.update(1, t("account.sent"));
      const edition = await followIngest(answer.edition, ingestBar, route.signal);
      out.replaceChildren(h("p", { class: "notice " + (edition.status === "active" ? "ok" : "error") },
        t("account.editionDone", { id: edition.editionId, status: tv("editionStatus", edition.status) })));
      try {
        out.append(editionReport(await get("/api/v1/authority/editions/" + edition.editionId + "/report", { signal: route.signal })));
      } catch (error) {
        out.append(unavailableOr(error, t("edition.report")) || "");
      }
      onDone();
    } catch (error) {
      out.replaceChildren(problem(error) || "");
    } finally {
      button.disabled = false;
    }
  } },
  field(t("account.authorityFile"), file, t("account.authorityHint")),
  field(t("account.layout"), layout), field(t("account.category"), category),
  h("div", { class: "radio" }, strict, h("label", { for: "authority-strict" }, t("account.strict"))),
  button, sendBar, ingestBar, out);
}

/** Polls the edition while the service reads the file: rows done, rate, share done, ETA. */
async function followIngest(edition, bar, signal) {
  bar.hidden = false;
  let current = edition;
  while (current.status === "ingesting") {
    const p = current.progress || {};
    bar.update(p.fractionDone ?? null, t("account.ingestText", { stage: tv("stage", p.stage || "reading"),
      rows: formatNumber(p.rowsDone || 0, currentLang()), rate: formatNumber(p.rowsPerSecond || 0, currentLang()),
      eta: p.etaSeconds ?? "—" }));
    await sleep(800, signal);
    current = await get("/api/v1/authority/editions/" + current.editionId, { signal, auth: true });
  }
  bar.update(1, tv("editionStatus", current.status));
  return current;
}
