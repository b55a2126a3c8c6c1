// Where an office or an administrator enters their API key. It is kept in sessionStorage only (gone when the
// tab closes) and sent as "Authorization: Bearer …" on the writes the office and admin pages make.
import { h } from "./dom.js";
import { apiKey } from "./api.js";
import { t } from "./i18n.js";

const OFFICE = "ipdex.office";

export const officeCode = {
  get: () => sessionStorage.getItem(OFFICE) || "",
  set: (code) => code ? sessionStorage.setItem(OFFICE, code.trim().toUpperCase()) : sessionStorage.removeItem(OFFICE),
};

/** onChange() is called after the key is saved or forgotten. withOffice: also ask for the office code. */
export function keyForm({ onChange, withOffice }) {
  const key = h("input", { type: "password", id: "api-key", autocomplete: "off", spellcheck: "false", value: apiKey.get() });
  const office = withOffice ? h("input", { id: "office-code", maxlength: "2", size: "3", autocomplete: "off",
    value: officeCode.get(), pattern: "[A-Za-z]{2}" }) : null;
  const saved = h("p", { class: "hint", role: "status" }, apiKey.get() ? t("key.saved") : t("key.none"));
  return h("form", { class: "key-form inline-form", id: "key-form", onsubmit: (event) => {
    event.preventDefault();
    apiKey.set(key.value);
    if (office) officeCode.set(office.value);
    saved.textContent = apiKey.get() ? t("key.saved") : t("key.none");
    onChange();
  } },
  h("div", { class: "field" }, h("label", { for: "api-key" }, t("key.label")), key),
  office ? h("div", { class: "field" }, h("label", { for: "office-code" }, t("key.office")), office) : null,
  h("button", { type: "submit", id: "save-key" }, t("key.save")),
  h("button", { type: "button", class: "secondary", onclick: () => {
    apiKey.set(""); key.value = "";
    saved.textContent = t("key.none");
    onChange();
  } }, t("key.forget")),
  saved);
}
