// The portal's search page: asks the public search API and lists the APIs it finds.
// Results are written with textContent only, so nothing an office registered can run as markup here.
(function () {
  "use strict";

  const form = document.getElementById("search");
  const input = document.getElementById("q");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const template = document.getElementById("result");
  let current = null;

  function showStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  // search-service answers a page ({items, next}); tolerate a bare array as well
  function itemsOf(body) {
    if (Array.isArray(body)) {
      return body;
    }
    return (body && (body.items || body.hits || body.results)) || [];
  }

  function render(items) {
    results.replaceChildren();
    for (const item of items) {
      const node = template.content.cloneNode(true);
      node.querySelector(".result-title").textContent = item.title || item.apiId || "Untitled API";
      const code = item.officeCode || item.office || "";
      const office = item.officeName ? item.officeName + (code ? " (" + code + ")" : "") : code;
      node.querySelector(".result-office").textContent = office;
      node.querySelector(".result-description").textContent = item.description || "";
      results.appendChild(node);
    }
  }

  async function search(query) {
    if (current) {
      current.abort();
    }
    if (!query) {
      results.replaceChildren();
      showStatus("");
      return;
    }
    current = new AbortController();
    showStatus("Searching…");
    try {
      const response = await fetch("/api/v1/search/apis?q=" + encodeURIComponent(query),
        { headers: { Accept: "application/json" }, signal: current.signal });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        // every ipdex error is a problem document: its detail is written for people
        showStatus((body && body.detail) || "Search failed (" + response.status + ")", true);
        results.replaceChildren();
        return;
      }
      const items = itemsOf(body);
      render(items);
      showStatus(items.length === 0 ? "No APIs match “" + query + "”."
        : items.length + (items.length === 1 ? " API" : " APIs") + " found.");
    } catch (error) {
      if (error.name !== "AbortError") {
        showStatus("The search service cannot be reached. Try again in a moment.", true);
      }
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    // keep the query in the address so a search can be bookmarked and shared
    history.replaceState(null, "", query ? "/?q=" + encodeURIComponent(query) : "/");
    search(query);
  });

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial.trim());
  }
})();
