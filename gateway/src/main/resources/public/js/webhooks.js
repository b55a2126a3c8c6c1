// The webhook subscriptions of the key saved on the office's page (catalog-service's webhook API through the gateway;
// only the key that made a subscription sees it): each one's filters and state, its delivery log — every attempt's
// answer, and when a waiting delivery is tried again — a form to subscribe a URL, and pausing or resuming.
import { h, formatDate, formatNumber, field, table } from "./dom.js";
import { get, postJson, patchJson, enc } from "./api.js";
import { currentLang, t, tv } from "./i18n.js";
import { badge, empty, problem } from "./ui.js";

const BASE = "/api/v1/webhooks/subscriptions";
const EVENT_TYPES = ["api.version.published", "api.breaking-change", "api.endpoint.down", "api.endpoint.up",
  "authority.edition.activated", "coverage.check.finished"];
const LOG_SIZE = 20;

/** The subscriptions box: the form, then one card per subscription. office: the saved office code, if any. */
export function webhooksBox(office, signal) {
  const list = h("div", { id: "subscriptions" });
  async function load() {
    try {
      const page = await get(BASE + "?limit=200", { auth: true, signal });
      const items = (page && page.items) || [];
      list.replaceChildren(...(items.length ? items.map(s => subscriptionCard(s, signal, load)) : [empty(t("webhooks.none"))]));
    } catch (error) {
      list.replaceChildren(problem(error) || "");
    }
  }
  list.append(h("p", { class: "status" }, t("common.loading")));
  load();
  return h("div", {}, h("p", { class: "hint" }, t("webhooks.hint")), subscribeForm(office, signal, load), list);
}

function subscribeForm(office, signal, onCreated) {
  const url = h("input", { type: "url", id: "webhook-url", required: true, size: 50, placeholder: "https://…/ipdex-events" });
  const types = EVENT_TYPES.map(type => h("input", { type: "checkbox", name: "webhook-type", value: type, id: "webhook-type-" + type }));
  const apis = h("select", { id: "webhook-apis", multiple: true, size: 4 });
  const out = h("div", { id: "webhook-created", "aria-live": "polite" });
  if (office) {
    get("/api/v1/catalog/apis?limit=200&office=" + enc(office), { signal }).then(page =>
      apis.replaceChildren(...((page && page.items) || []).map(a => h("option", { value: a.apiId }, a.title + " (" + a.apiId + ")"))))
      .catch(() => {}); // without the list the filter stays empty: every API
  }
  return h("form", { class: "stack", id: "webhook-form", onsubmit: async (event) => {
    event.preventDefault();
    out.replaceChildren();
    const request = {
      url: url.value.trim(),
      types: types.filter(box => box.checked).map(box => box.value),
      apiIds: [...apis.selectedOptions].map(option => option.value),
    };
    try {
      const created = await postJson(BASE, request, { auth: true, signal });
      out.replaceChildren(h("div", { class: "notice", role: "status" },
        h("p", {}, t("webhooks.created")), h("p", {}, h("code", { id: "webhook-secret" }, created.secret))));
      onCreated();
    } catch (error) {
      out.replaceChildren(problem(error) || "");
    }
  } },
  field(t("webhooks.url"), url),
  h("fieldset", {}, h("legend", {}, t("webhooks.types")), h("p", { class: "hint" }, t("webhooks.typesHint")),
    types.map(box => h("label", { class: "check" }, box, " ", h("code", {}, box.value)))),
  field(t("webhooks.apis"), apis, t("webhooks.apisHint")),
  h("button", { type: "submit", id: "webhook-subscribe" }, t("webhooks.subscribe")),
  out);
}

function subscriptionCard(subscription, signal, reload) {
  const lang = currentLang();
  const id = subscription.subscriptionId;
  const log = h("div", { class: "delivery-log" });
  const paused = subscription.status === "paused";
  const change = async (status) => {
    try {
      await patchJson(BASE + "/" + enc(id), { status }, { auth: true, signal });
      reload();
    } catch (error) {
      log.replaceChildren(problem(error) || "");
    }
  };
  const card = h("article", { class: "subscription", "data-subscription-id": id },
    h("h3", {}, h("code", { class: "subscription-url" }, subscription.url), " ",
      badge(t("webhooks.status." + subscription.status), "subscription-status status-" + subscription.status)),
    h("dl", { class: "kv" },
      h("dt", {}, t("webhooks.types")), h("dd", { class: "subscription-types" }, listOr(subscription.types, t("webhooks.allTypes"))),
      h("dt", {}, t("webhooks.apis")), h("dd", { class: "subscription-apis" }, listOr(subscription.apiIds, t("webhooks.allApis"))),
      h("dt", {}, t("webhooks.since")), h("dd", {}, formatDate(subscription.createdAt, lang)),
      h("dt", {}, t("webhooks.failures")), h("dd", {}, formatNumber(subscription.consecutiveFailures, lang)),
      paused && subscription.pausedReason ? [h("dt", {}, t("webhooks.pausedReason")),
        h("dd", { class: "paused-reason" }, subscription.pausedReason)] : null),
    h("p", {},
      h("button", { type: "button", class: paused ? "resume" : "pause secondary", onclick: () => change(paused ? "active" : "paused") },
        t(paused ? "webhooks.resume" : "webhooks.pause")), " ",
      h("button", { type: "button", class: "secondary refresh-log", onclick: () => showLog(id, log, signal) }, t("webhooks.refresh"))),
    h("h4", {}, t("webhooks.log")), log);
  showLog(id, log, signal);
  return card;
}

function listOr(values, all) {
  return values && values.length ? values.map(v => h("code", {}, v)).flatMap((node, i) => i ? [", ", node] : [node]) : all;
}

/** The last attempts, newest first; a pending delivery says when it is tried again. */
async function showLog(id, box, signal) {
  const lang = currentLang();
  try {
    const page = await get(BASE + "/" + enc(id) + "/deliveryAttempts?limit=" + LOG_SIZE, { auth: true, signal });
    const attempts = (page && page.items) || [];
    box.replaceChildren(attempts.length ? table([
      { label: t("webhooks.col.at"), value: a => formatDate(a.attemptedAt, lang) },
      { label: t("webhooks.col.event"), value: a => h("code", {}, a.eventType) },
      { label: t("webhooks.col.answer"), value: a => a.httpStatus ? "HTTP " + a.httpStatus : (a.error || "—"), class: "attempt-answer" },
      { label: t("webhooks.col.ms"), value: a => formatNumber(a.responseMillis, lang), class: "num" },
      { label: t("webhooks.col.excerpt"), value: a => a.responseExcerpt ? h("code", {}, a.responseExcerpt) : "—" },
      { label: t("webhooks.col.delivery"), value: a => [tv("deliveryStatus", a.deliveryStatus),
        a.nextAttemptAt ? " · " + t("webhooks.nextTry", { at: formatDate(a.nextAttemptAt, lang) }) : ""], class: "attempt-delivery" },
    ], attempts, { className: "data delivery-attempts" }) : empty(t("webhooks.noAttempts")));
  } catch (error) {
    box.replaceChildren(problem(error) || "");
  }
}
