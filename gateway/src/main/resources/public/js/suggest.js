// As-you-type suggestions for a search box, following the WAI-ARIA combobox pattern: the input keeps focus,
// arrow keys move through the listbox (aria-activedescendant), Enter picks, Escape closes.
import { h } from "./dom.js";
import { get, enc } from "./api.js";
import { t, tv } from "./i18n.js";

export function attachSuggestions(input, { onPick, signal }) {
  const list = h("ul", { class: "suggestions", role: "listbox", id: input.id + "-suggestions", hidden: true,
    "aria-label": t("search.suggestions") });
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  let items = [];
  let active = -1;
  let timer = null;
  let pending = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function show(suggestions) {
    items = suggestions;
    active = -1;
    list.replaceChildren(...suggestions.map((s, i) => h("li", {
      role: "option", id: list.id + "-" + i, class: "suggestion", "aria-selected": "false",
      onmousedown: (event) => { event.preventDefault(); pick(i); },
    }, h("span", { class: "badge kind-" + s.type }, tv("suggestion", s.type)), " ",
      h("span", { class: "suggestion-text" }, s.text),
      s.office && s.type !== "office" ? h("span", { class: "suggestion-office" }, " · " + s.office) : null)));
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
  }

  function move(delta) {
    if (list.hidden || items.length === 0) return;
    active = (active + delta + items.length) % items.length;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", list.id + "-" + active);
  }

  function pick(i) {
    const chosen = items[i];
    close();
    if (chosen) onPick(chosen);
  }

  async function fetchSuggestions(text) {
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const found = await get("/api/v1/suggest?limit=8&q=" + enc(text), { signal: pending.signal });
      if (input.value.trim() === text) show(Array.isArray(found) ? found : []);
    } catch (error) {
      close(); // suggestions are a convenience: a failure just shows none
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) { close(); return; }
    timer = setTimeout(() => fetchSuggestions(text), 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") close();
    else if (event.key === "Enter" && active >= 0 && !list.hidden) { event.preventDefault(); pick(active); }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  if (signal) signal.addEventListener("abort", () => { clearTimeout(timer); if (pending) pending.abort(); });
  return list;
}
