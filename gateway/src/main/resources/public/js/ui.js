// Small pieces every page uses: headings, notices, problem documents, progress bars, empty states.
import { h } from "./dom.js";
import { t } from "./i18n.js";

export function pageTitle(text, subtitle) {
  document.title = text + " · ipdex";
  return h("header", { class: "page-head" },
    h("h1", { tabindex: "-1", id: "page-title" }, text),
    subtitle ? h("p", { class: "subtitle" }, subtitle) : null);
}

export function section(title, ...children) {
  const id = "s-" + Math.random().toString(36).slice(2, 8);
  return h("section", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

export function notice(text, kind = "info") {
  return h("p", { class: "notice " + kind, role: kind === "error" ? "alert" : "status" }, text);
}

/** A live status line a page updates as it works. */
export function statusLine() {
  const el = h("p", { class: "status", role: "status", "aria-live": "polite" });
  el.show = (text, isError) => {
    el.textContent = text || "";
    el.classList.toggle("error", Boolean(isError));
  };
  return el;
}

/** An error as people should read it: the problem's detail, each error with its pointer or line. */
export function problem(error) {
  if (error && error.name === "AbortError") return null;
  if (!error || error.status === undefined) {
    return notice(t("common.unexpected") + (error && error.message ? " " + error.message : ""), "error");
  }
  if (error.status === 0) return notice(t("common.unreachable"), "error");
  const p = error.problem || {};
  const lines = Array.isArray(p.errors) ? p.errors : [];
  return h("div", { class: "notice error", role: "alert" },
    h("p", {}, p.detail || p.title || t("common.failedStatus", { status: error.status })),
    lines.length ? h("ul", { class: "problem-errors" }, lines.map(e => h("li", {},
      e.pointer ? h("code", {}, e.pointer) : null,
      e.line ? h("code", {}, t("common.line", { line: e.line })) : null,
      " ", e.message || e.detail || ""))) : null);
}

/** For endpoints still being built: a missing endpoint is "not available yet", anything else an error. */
export function unavailableOr(error, what) {
  if (error && error.missingEndpoint) {
    return h("p", { class: "notice pending", role: "status" }, t("common.notAvailable", { what }));
  }
  return problem(error);
}

export function progressBar(label) {
  const bar = h("progress", { max: "100", value: "0", "aria-label": label });
  const text = h("span", { class: "progress-text" });
  const wrap = h("div", { class: "progress" }, bar, text);
  wrap.update = (fraction, caption) => {
    if (fraction === null || fraction === undefined) bar.removeAttribute("value");
    else bar.value = Math.max(0, Math.min(100, fraction * 100));
    text.textContent = caption || "";
  };
  return wrap;
}

export function empty(text) {
  return h("p", { class: "empty" }, text);
}

export function badge(text, kind) {
  return h("span", { class: "badge " + (kind || "") }, text);
}

export function keyValues(pairs) {
  return h("dl", { class: "kv" }, pairs.filter(p => p && p[1] !== null && p[1] !== undefined && p[1] !== "")
    .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

/** Waits, unless the page was left meanwhile. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    if (signal) signal.addEventListener("abort", () => { clearTimeout(timer); reject(new DOMException("left", "AbortError")); });
  });
}

/** "v1.2.0" for a version that starts with a digit, the version as written otherwise ("version 1", "draft"). */
export function versionLabel(version) {
  const text = String(version).trim();
  return /^\d/.test(text) ? "v" + text : text;
}
