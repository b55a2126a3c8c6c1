// Charts drawn as plain SVG: no library, nothing to load, and each chart carries its numbers as a table too
// (in a <details> below it), so screen readers and people who want exact figures get them.
import { h, formatNumber } from "./dom.js";
import { currentLang, t } from "./i18n.js";

const PALETTE = ["#0b5cad", "#e07b00", "#2e8540", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d4ac0d",
  "#2c3e50", "#e84393"];

export function colour(i) {
  return PALETTE[i % PALETTE.length];
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

function short(n) {
  if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1) + "M";
  if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e4 ? 0 : 1) + "k";
  return String(Math.round(n * 10) / 10);
}

/**
 * Vertical bars, stacked by series: categories = ["2019", "2020"], series = [{name: "A1", values: [3, 4]}].
 */
export function stackedBars({ title, categories, series, unit }) {
  const W = 640, H = 260, left = 48, bottom = 28, top = 10, right = 8;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  const max = niceMax(Math.max(4, ...totals)); // counts: at least 0–4, so the ticks stay whole numbers
  const plotW = W - left - right, plotH = H - top - bottom;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.min(56, Math.max(2, slot * 0.7));
  const y = (v) => top + plotH - (v / max) * plotH;
  const svg = h("svg:svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": title });
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    svg.append(h("svg:line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: "grid" }),
      h("svg:text", { x: left - 6, y: y(v) + 4, class: "axis", "text-anchor": "end" }, short(v)));
  }
  const every = Math.ceil(categories.length / 12);
  categories.forEach((category, i) => {
    let base = 0;
    const x = left + i * slot + (slot - barW) / 2;
    series.forEach((s, k) => {
      const v = s.values[i] || 0;
      if (v > 0) {
        svg.append(h("svg:rect", { x, y: y(base + v), width: barW, height: y(base) - y(base + v), fill: colour(k) },
          h("svg:title", {}, `${category} · ${s.name}: ${formatNumber(v, currentLang())}${unit ? " " + unit : ""}`)));
      }
      base += v;
    });
    if (i % every === 0) {
      svg.append(h("svg:text", { x: x + barW / 2, y: H - 8, class: "axis", "text-anchor": "middle" }, category));
    }
  });
  return figure(title, svg, series.map((s, k) => ({ name: s.name, colour: colour(k) })),
    dataTable(categories, series));
}

/** Horizontal bars with a label and a shown value: items = [{label, value, text, colour}] out of max. */
export function horizontalBars({ title, items, max }) {
  const rowH = 26, W = 640, labelW = 150, valueW = 90;
  const H = Math.max(rowH, items.length * rowH) + 4;
  const top = max || niceMax(Math.max(0, ...items.map(i => i.value || 0)));
  const svg = h("svg:svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": title });
  items.forEach((item, i) => {
    const y = i * rowH + 4;
    const width = ((item.value || 0) / top) * (W - labelW - valueW);
    svg.append(
      h("svg:text", { x: labelW - 8, y: y + 15, class: "axis", "text-anchor": "end" }, item.label),
      h("svg:rect", { x: labelW, y: y + 3, width: W - labelW - valueW, height: rowH - 8, class: "track" }),
      h("svg:rect", { x: labelW, y: y + 3, width: Math.max(0, width), height: rowH - 8, fill: item.colour || colour(0) },
        h("svg:title", {}, `${item.label}: ${item.text ?? item.value}`)),
      h("svg:text", { x: W - valueW + 6, y: y + 15, class: "axis" }, item.text ?? formatNumber(item.value, currentLang())));
  });
  const rows = items.map(i => [i.label, i.text ?? formatNumber(i.value, currentLang())]);
  const table = h("table", { class: "data" }, h("tbody", {}, rows.map(r => h("tr", {}, h("th", { scope: "row" }, r[0]), h("td", {}, r[1])))));
  return figure(title, svg, [], table);
}

/**
 * Lines over the same categories: series = [{name, values: [80, null, 85]}]; a null is a gap in the line (no data
 * that month), not a zero. max fixes the scale (100 for scores and percentages).
 */
export function lineChart({ title, categories, series, max, unit }) {
  const W = 640, H = 240, left = 48, bottom = 28, top = 10, right = 12;
  const all = series.flatMap(s => s.values).filter(v => v !== null && v !== undefined);
  const ceiling = max || niceMax(Math.max(4, ...all));
  const plotW = W - left - right, plotH = H - top - bottom;
  const step = plotW / Math.max(1, categories.length - 1);
  const x = (i) => left + (categories.length === 1 ? plotW / 2 : i * step);
  const y = (v) => top + plotH - (v / ceiling) * plotH;
  const svg = h("svg:svg", { viewBox: `0 0 ${W} ${H}`, class: "chart line-chart", role: "img", "aria-label": title });
  for (let i = 0; i <= 4; i++) {
    const v = (ceiling / 4) * i;
    svg.append(h("svg:line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: "grid" }),
      h("svg:text", { x: left - 6, y: y(v) + 4, class: "axis", "text-anchor": "end" }, short(v)));
  }
  const every = Math.ceil(categories.length / 12);
  categories.forEach((category, i) => {
    if (i % every === 0) svg.append(h("svg:text", { x: x(i), y: H - 8, class: "axis", "text-anchor": "middle" }, category));
  });
  series.forEach((s, k) => {
    let run = [];
    const flush = () => {
      if (run.length > 1) svg.append(h("svg:polyline", { points: run.join(" "), fill: "none", stroke: colour(k), "stroke-width": 2 }));
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) { flush(); return; }
      run.push(x(i) + "," + y(v));
      svg.append(h("svg:circle", { cx: x(i), cy: y(v), r: 3, fill: colour(k) },
        h("svg:title", {}, `${categories[i]} · ${s.name}: ${formatNumber(v, currentLang())}${unit ? " " + unit : ""}`)));
    });
    flush();
  });
  const table = h("table", { class: "data" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), series.map(s => h("th", { scope: "col" }, s.name)))),
    h("tbody", {}, categories.map((c, i) => h("tr", {}, h("th", { scope: "row" }, c),
      series.map(s => h("td", { class: "num" }, s.values[i] === null || s.values[i] === undefined ? "—"
        : formatNumber(s.values[i], currentLang())))))));
  return figure(title, svg, series.map((s, k) => ({ name: s.name, colour: colour(k) })), table);
}

function dataTable(categories, series) {
  return h("table", { class: "data" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), series.map(s => h("th", { scope: "col" }, s.name)))),
    h("tbody", {}, categories.map((c, i) => h("tr", {}, h("th", { scope: "row" }, c),
      series.map(s => h("td", { class: "num" }, formatNumber(s.values[i] || 0, currentLang())))))));
}

function figure(title, svg, legend, table) {
  return h("figure", { class: "figure" },
    h("figcaption", {}, title),
    svg,
    legend.length ? h("ul", { class: "legend" }, legend.map(l => h("li", {},
      h("span", { class: "swatch", style: "background:" + l.colour, "aria-hidden": "true" }), l.name))) : null,
    h("details", { class: "chart-table" }, h("summary", {}, t("chart.asTable")), h("div", { class: "table-wrap" }, table)));
}

/**
 * Turns year × kind counts into categories and series per kind. Takes search-service's shape
 * ([{year, kinds: [{value, count}]}]) or flat cells ([{year, kind, records|count}]).
 */
export function yearKindSeries(statistics) {
  const cells = [];
  for (const row of statistics) {
    if (Array.isArray(row.kinds)) row.kinds.forEach(k => cells.push({ year: row.year, kind: k.value, n: k.count }));
    else cells.push({ year: row.year ?? row.publicationYear, kind: row.kind || "?", n: row.records ?? row.count ?? 0 });
  }
  const years = [...new Set(cells.map(c => c.year).filter(y => y !== null && y !== undefined))].sort((a, b) => a - b);
  const kinds = [...new Set(cells.map(c => c.kind))].sort();
  return {
    categories: years.map(String),
    series: kinds.map(kind => ({
      name: kind,
      values: years.map(year => cells.filter(c => c.year === year && c.kind === kind).reduce((sum, c) => sum + c.n, 0)),
    })),
  };
}
