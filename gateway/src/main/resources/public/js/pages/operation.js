// One operation of an API: what it does (descriptions as sanitised Markdown), its parameters and body, request
// samples in curl, Java (java.net.http), Python (requests) and JavaScript (fetch) built from the spec, and a try-it
// form that sends the request from this browser straight to the office's server — never through ipdex. The
// gateway serves this page with a connect-src naming the API's servers only (gateway …/portal/README.md).
import { h, append, table } from "../dom.js";
import { get, enc } from "../api.js";
import { link, t } from "../i18n.js";
import { pageTitle, problem, section, notice, empty, statusLine } from "../ui.js";
import { markdown } from "../markdown.js";
import { operations, requestOf, resolve, samples, urlOf } from "../samples.js";

const LANGUAGES = [["curl", "curl"], ["java", "Java (java.net.http)"], ["python", "Python (requests)"], ["javascript", "JavaScript (fetch)"]];
const MAX_SHOWN = 100_000;

export async function render(root, route) {
  const { apiId, operationId } = route.params;
  const base = "/api/v1/catalog/apis/" + enc(apiId);
  let api;
  let spec;
  try {
    api = await get(base, { signal: route.signal });
    spec = await get(base + "/versions/" + api.latestVersion + "/spec?form=normalised", { signal: route.signal });
  } catch (error) {
    root.append(pageTitle(operationId), error.status === 404 ? notice(t("api.notFound", { apiId }), "error") : problem(error) || "");
    return;
  }
  const found = operations(spec).find(o => o.key === operationId);
  if (!found) {
    root.append(pageTitle(operationId), notice(t("operation.notFound", { operationId }), "error"),
      h("p", {}, h("a", { href: link("/apis/" + enc(apiId)) }, api.title || apiId)));
    return;
  }
  const { operation } = found;
  const request = requestOf(spec, found);
  append(root, [pageTitle(operation.summary || found.method.toUpperCase() + " " + found.path),
    h("p", { class: "operation-line" },
      h("span", { class: "method method-" + found.method }, found.method.toUpperCase()), " ",
      h("code", { id: "operation-path" }, found.path), " · ",
      h("a", { href: link("/apis/" + enc(apiId)) }, api.title || apiId)),
    operation.description ? section(t("operation.about"), markdown(operation.description, "operation-description")) : null,
    section(t("operation.parameters"), parametersTable(spec, found)),
    section(t("operation.samples"), samplesBox(request)),
    section(t("operation.tryIt"), tryItForm(request, route.signal))]);
}

function parametersTable(spec, found) {
  const all = [...((found.pathItem && found.pathItem.parameters) || []), ...(found.operation.parameters || [])]
    .map(p => resolve(spec, p)).filter(p => p && p.name);
  if (all.length === 0) return empty(t("operation.noParameters"));
  return table([
    { label: t("operation.col.name"), value: p => h("code", {}, p.name) },
    { label: t("operation.col.in"), value: p => p.in },
    { label: t("operation.col.required"), value: p => p.required ? t("common.yes") : t("common.no") },
    { label: t("operation.col.description"), value: p => markdown(p.description) },
  ], all);
}

function samplesBox(request) {
  const texts = samples(request);
  return h("div", { class: "samples" },
    absolute(request.server) ? null : notice(t("operation.noServer"), "warn"),
    LANGUAGES.map(([id, label]) => h("figure", { class: "sample" },
      h("figcaption", {}, label, " ", h("button", { type: "button", class: "link-button", onclick: () => copy(texts[id]) }, t("operation.copy"))),
      h("pre", {}, h("code", { id: "sample-" + id }, texts[id])))));
}

function absolute(url) {
  return /^https?:\/\//i.test(url);
}

function copy(text) {
  if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
}

/** The request as a form: every parameter, the headers and the body can be changed before it is sent. */
function tryItForm(request, signal) {
  const inputs = [];
  const row = (group, p, i) => {
    const id = "try-" + group + "-" + i;
    const input = h("input", { id, value: p.value, "data-group": group, "data-name": p.name, size: 40 });
    inputs.push({ group, index: i, input });
    return h("div", { class: "field" }, h("label", { for: id }, p.name + (group === "headers" ? "" : " (" + t("operation.in." + group) + ")")), input);
  };
  const body = request.body ? h("textarea", { id: "try-body", rows: 10, cols: 70 }, request.body.text) : null;
  const result = h("div", { id: "try-result" });
  const status = statusLine();
  const form = h("form", { id: "try-form", class: "try-form", onsubmit: (event) => { event.preventDefault(); send(); } },
    h("p", { class: "hint" }, t("operation.tryHint")),
    request.pathParams.map((p, i) => row("pathParams", p, i)),
    request.queryParams.map((p, i) => row("queryParams", p, i)),
    request.headers.map((p, i) => row("headers", p, i)),
    body ? h("div", { class: "field" }, h("label", { for: "try-body" }, t("operation.body") + " (" + request.body.mediaType + ")"), body) : null,
    h("p", {}, h("code", { id: "try-url" }, urlOf(request))),
    h("button", { type: "submit", id: "try-send", disabled: !absolute(request.server) }, t("operation.send")),
    status, result);

  function current() {
    const copyOf = { ...request, pathParams: request.pathParams.map(p => ({ ...p })),
      queryParams: request.queryParams.map(p => ({ ...p })), headers: request.headers.map(p => ({ ...p })) };
    for (const { group, index, input } of inputs) copyOf[group][index].value = input.value;
    if (body) copyOf.body = { ...request.body, text: body.value };
    return copyOf;
  }
  form.addEventListener("input", () => { form.querySelector("#try-url").textContent = urlOf(current()); });

  async function send() {
    const now = current();
    const url = urlOf(now);
    status.show(t("operation.sending", { url }));
    result.replaceChildren();
    const headers = {};
    for (const hd of now.headers) if (hd.value !== "") headers[hd.name] = hd.value;
    const started = performance.now();
    try {
      // straight to the office's server: no ipdex key, no cookies; the server decides (CORS) whether we may read it
      const response = await fetch(url, { method: now.method, headers, body: now.body && now.body.text !== "" ? now.body.text : undefined,
        mode: "cors", credentials: "omit", redirect: "follow", signal });
      const text = await response.text();
      status.show(t("operation.answered", { status: response.status, ms: Math.round(performance.now() - started) }));
      result.append(h("p", {}, h("code", { id: "try-status" }, response.status + " " + response.statusText), " ",
        h("code", {}, response.headers.get("Content-Type") || "")),
      h("pre", { class: "try-body" }, h("code", { id: "try-response" }, text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) + "\n…" : text)));
    } catch (error) {
      if (error.name === "AbortError") return;
      status.show("");
      result.append(h("div", { class: "notice warn", role: "alert", id: "try-cors" },
        h("p", {}, t("operation.corsTitle", { origin: new URL(url).origin })),
        h("p", {}, t("operation.corsExplain", { portal: location.origin })),
        h("p", {}, t("operation.corsWhatToDo"))));
    }
  }
  return form;
}
