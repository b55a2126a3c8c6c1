// Administration: offices, API keys (create, rotate, revoke; a new key is shown once) and the PCT minimum
// documentation scope. Every call carries the administrator's key from sessionStorage.
import { h, formatDate, field, table } from "../dom.js";
import { apiKey, get, postJson, putJson, request, enc } from "../api.js";
import { currentLang, t, tv } from "../i18n.js";
import { replaceQuery } from "../app.js";
import { pageTitle, section, badge, problem, empty, notice } from "../ui.js";
import { keyForm } from "../keyform.js";

const TABS = ["offices", "keys", "scope"];

export async function render(root, route) {
  let tab = TABS.includes(route.query.get("tab")) ? route.query.get("tab") : "offices";
  root.append(pageTitle(t("admin.title"), t("admin.subtitle")));
  const body = h("div");
  const tabs = h("nav", { class: "tabs", "aria-label": t("admin.title") });
  root.append(section(t("key.title"), keyForm({ withOffice: false, onChange: draw })), tabs, body);

  function draw() {
    tabs.replaceChildren(...TABS.map(name => h("button", { type: "button", class: "tab" + (name === tab ? " active" : ""),
      id: "tab-" + name, "aria-pressed": String(name === tab), onclick: () => { tab = name; replaceQuery("/admin", { tab }); draw(); } },
    t("admin.tab." + name))));
    if (!apiKey.get()) { body.replaceChildren(notice(t("admin.needKey"))); return; }
    body.replaceChildren();
    ({ offices, keys, scope })[tab](body, route.signal);
  }
  draw();
}

const auth = (signal) => ({ auth: true, signal });

async function offices(body, signal) {
  const list = h("div");
  const load = async () => {
    try {
      const page = await get("/api/v1/admin/offices?limit=200", auth(signal));
      list.replaceChildren(table([
        { label: t("office.code"), value: o => o.code },
        { label: t("admin.name"), value: o => o.name },
        { label: t("office.country"), value: o => o.country },
        { label: t("admin.email"), value: o => o.contactEmail },
        { label: t("admin.created"), value: o => formatDate(o.createdAt, currentLang()) },
      ], page.items || [], { caption: t("admin.offices") }));
    } catch (error) {
      list.replaceChildren(problem(error) || "");
    }
  };
  const inputs = {
    code: h("input", { id: "new-office-code", maxlength: "2", size: "3", required: true, pattern: "[A-Z]{2}" }),
    name: h("input", { id: "new-office-name", required: true }),
    country: h("input", { id: "new-office-country", required: true }),
    contactEmail: h("input", { id: "new-office-email", type: "email", required: true }),
  };
  const out = h("div", { "aria-live": "polite" });
  body.append(section(t("admin.offices"), list), section(t("admin.newOffice"), h("form", { class: "stack", onsubmit: async (e) => {
    e.preventDefault();
    try {
      const office = await postJson("/api/v1/admin/offices", Object.fromEntries(Object.entries(inputs)
        .map(([k, el]) => [k, k === "code" ? el.value.trim().toUpperCase() : el.value.trim()])), auth(signal));
      out.replaceChildren(notice(t("admin.officeCreated", { code: office.code }), "ok"));
      Object.values(inputs).forEach(el => { el.value = ""; });
      load();
    } catch (error) {
      out.replaceChildren(problem(error) || "");
    }
  } },
  field(t("office.code"), inputs.code, t("admin.codeHint")), field(t("admin.name"), inputs.name),
  field(t("office.country"), inputs.country), field(t("admin.email"), inputs.contactEmail),
  h("button", { type: "submit" }, t("admin.createOffice")), out)));
  load();
}

async function keys(body, signal) {
  const list = h("div");
  const shown = h("div", { "aria-live": "assertive", id: "new-key" });
  const lang = currentLang();
  const showOnce = (issued) => {
    const value = h("code", { class: "secret", id: "new-key-value" }, issued.apiKey);
    shown.replaceChildren(h("div", { class: "notice ok secret-box", role: "alert" },
      h("p", {}, h("strong", {}, t("admin.keyOnce", { name: issued.name }))), value, " ",
      h("button", { type: "button", class: "secondary", onclick: async (e) => {
        try { await navigator.clipboard.writeText(issued.apiKey); e.target.textContent = t("admin.copied"); }
        catch (err) { window.getSelection().selectAllChildren(value); }
      } }, t("admin.copy")),
      h("button", { type: "button", class: "link-button", onclick: () => shown.replaceChildren() }, t("admin.hideKey"))));
    shown.querySelector("button").focus();
  };
  const load = async () => {
    try {
      const page = await get("/api/v1/admin/apiKeys?limit=200", auth(signal));
      list.replaceChildren(table([
        { label: t("admin.name"), value: k => k.name },
        { label: t("admin.role"), value: k => tv("role", k.role) },
        { label: t("office.code"), value: k => k.officeCode || "—" },
        { label: t("admin.prefix"), value: k => h("code", {}, k.prefix) },
        { label: t("admin.created"), value: k => formatDate(k.createdAt, lang) },
        { label: t("admin.lastUsed"), value: k => formatDate(k.lastUsedAt, lang) },
        { label: t("admin.state"), value: k => k.revokedAt ? badge(t("admin.revoked"), "warn") : badge(t("admin.active"), "ok") },
        { label: t("admin.actions"), value: k => k.revokedAt ? "" : h("span", { class: "actions" },
          h("button", { type: "button", class: "secondary", "aria-label": t("admin.rotateLabel", { name: k.name }), onclick: async () => {
            if (!confirm(t("admin.rotateConfirm", { name: k.name }))) return;
            try { showOnce(await request("POST", "/api/v1/admin/apiKeys/" + enc(k.keyId) + "/rotation", auth(signal))); load(); }
            catch (error) { shown.replaceChildren(problem(error) || ""); }
          } }, t("admin.rotate")),
          h("button", { type: "button", class: "danger", "aria-label": t("admin.revokeLabel", { name: k.name }), onclick: async () => {
            if (!confirm(t("admin.revokeConfirm", { name: k.name }))) return;
            try { await request("DELETE", "/api/v1/admin/apiKeys/" + enc(k.keyId), auth(signal)); load(); }
            catch (error) { shown.replaceChildren(problem(error) || ""); }
          } }, t("admin.revoke"))) },
      ], page.items || [], { caption: t("admin.keys"), rowClass: k => k.revokedAt ? "revoked" : null }));
    } catch (error) {
      list.replaceChildren(problem(error) || "");
    }
  };
  const name = h("input", { id: "new-key-name", required: true, maxlength: "200" });
  const role = h("select", { id: "new-key-role" }, ["office", "admin"].map(r => h("option", { value: r }, tv("role", r))));
  const office = h("input", { id: "new-key-office", maxlength: "2", size: "3" });
  const out = h("div", { "aria-live": "polite" });
  body.append(shown, section(t("admin.newKey"), h("form", { class: "stack", id: "new-key-form", onsubmit: async (e) => {
    e.preventDefault();
    try {
      const request = { name: name.value.trim(), role: role.value };
      if (role.value === "office") request.officeCode = office.value.trim().toUpperCase();
      showOnce(await postJson("/api/v1/admin/apiKeys", request, auth(signal)));
      out.replaceChildren();
      name.value = "";
      load();
    } catch (error) {
      out.replaceChildren(problem(error) || "");
    }
  } }, field(t("admin.name"), name), field(t("admin.role"), role), field(t("office.code"), office, t("admin.keyOfficeHint")),
  h("button", { type: "submit" }, t("admin.createKey")), out)), section(t("admin.keys"), list));
  load();
}

/** The scope as an editable table; errors come back with JSON pointers (/entries/3/fromYear) and mark their cell. */
async function scope(body, signal) {
  let current;
  try {
    current = await get("/api/v1/authority/scope", { signal });
  } catch (error) {
    if (error.status !== 404) { body.append(problem(error) || ""); return; }
    current = { version: 0, entries: [] };
  }
  const rows = h("tbody");
  const out = h("div", { "aria-live": "polite" });
  const addRow = (entry = { office: "", kinds: [], fromYear: "", toYear: null, note: "" }) => {
    const i = rows.children.length;
    const cell = (name, value, attrs = {}) => h("td", {}, h("input", { "data-name": name, value: value ?? "",
      "aria-label": t("scope.cell", { column: t("scope." + name), row: i + 1 }), ...attrs }));
    rows.append(h("tr", {},
      cell("office", entry.office, { size: "3", maxlength: "2" }),
      cell("kinds", (entry.kinds || []).join(", ")),
      cell("fromYear", entry.fromYear, { size: "5", inputmode: "numeric" }),
      cell("toYear", entry.toYear, { size: "5", inputmode: "numeric" }),
      cell("note", entry.note),
      h("td", {}, h("button", { type: "button", class: "link-button", "aria-label": t("scope.removeRow", { row: i + 1 }),
        onclick: (e) => e.target.closest("tr").remove() }, t("scope.remove")))));
  };
  current.entries.forEach(addRow);
  const read = () => [...rows.children].map(tr => {
    const value = (name) => tr.querySelector(`[data-name="${name}"]`).value.trim();
    const year = (text) => text === "" ? null : (Number.isInteger(Number(text)) ? Number(text) : text);
    return { office: value("office").toUpperCase(), kinds: value("kinds").split(/[\s,]+/).filter(Boolean),
      fromYear: year(value("fromYear")), toYear: year(value("toYear")), note: value("note") || null };
  });
  body.append(section(t("admin.tab.scope"), h("p", { class: "hint" }, t("scope.meta", { version: current.version, by: current.createdBy || "—" })),
    h("form", { id: "scope-form", onsubmit: async (e) => {
      e.preventDefault();
      rows.querySelectorAll("[aria-invalid]").forEach(el => el.removeAttribute("aria-invalid"));
      try {
        const saved = await putJson("/api/v1/authority/scope", { entries: read() }, auth(signal));
        out.replaceChildren(notice(t("scope.saved", { version: saved.version }), "ok"));
      } catch (error) {
        for (const problemError of (error.problem && error.problem.errors) || []) {
          const m = /^\/entries\/(\d+)\/?(\w+)?/.exec(problemError.pointer || "");
          const tr = m && rows.children[Number(m[1])];
          const input = tr && (m[2] ? tr.querySelector(`[data-name="${m[2]}"]`) : tr.querySelector("input"));
          if (input) input.setAttribute("aria-invalid", "true");
        }
        out.replaceChildren(problem(error) || "");
      }
    } },
    h("div", { class: "table-wrap" }, h("table", { class: "data scope-editor" },
      h("thead", {}, h("tr", {}, ["office", "kinds", "fromYear", "toYear", "note"].map(c => h("th", { scope: "col" }, t("scope." + c))), h("th", {}, ""))),
      rows)),
    h("p", {}, h("button", { type: "button", class: "secondary", onclick: () => addRow() }, t("scope.add")), " ",
      h("button", { type: "submit" }, t("scope.save"))), out)));
  if (!current.entries.length) body.prepend(empty(t("pct.emptyScope")));
}
