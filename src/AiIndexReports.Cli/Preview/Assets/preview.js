// The live preview page. It listens to /events (Server-Sent Events: a build started or ended), reads /api/state, and
// swaps in the pages whose images changed, keeping the scroll position; shows a failed build's errors over the last good
// pages; and, on a click, finds the box under the pointer in the page's map (/maps/…) and shows the template line and
// metrics behind it. Plain browser JavaScript, no library, nothing loaded from elsewhere.
"use strict";

const KINDS = { paragraph: "문단", heading: "제목", "list item": "항목", "table cell": "표 칸", figure: "그림", caption: "캡션" };
const ZOOMS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5];
const CSS_PX_PER_PT = 96 / 72;

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
};

let state = null;          // the last /api/state
let briefKey = null;       // "2025/ai-index-brief"
let zoom = 1;
let fitWidth = false;
let selected = null;       // { page, block }
const maps = new Map();    // map URL → map JSON (URLs name the bytes, so they never go stale)
const scrollByBrief = new Map();
let fetching = null;
let pendingFetch = false;

// ---- state from the server -------------------------------------------------------------------------------------

function connect() {
  const events = new EventSource("/events");
  events.addEventListener("state", () => refresh());
  events.addEventListener("error", () => setStatus("서버와 연결이 끊겼습니다 — 다시 연결하는 중…", "disconnected"));
}

async function refresh() {
  // One fetch at a time; a state announced meanwhile is fetched right after.
  if (fetching) { pendingFetch = true; return; }
  fetching = (async () => {
    try {
      const response = await fetch("/api/state", { cache: "no-store" });
      if (response.ok) await render(await response.json());
    } catch (e) {
      setStatus("상태를 읽지 못했습니다: " + e.message, "disconnected");
    }
  })();
  await fetching;
  fetching = null;
  if (pendingFetch) { pendingFetch = false; refresh(); }
}

function setStatus(text, kind) {
  $("status").textContent = text;
  document.body.dataset.state = kind;
}

async function render(next) {
  state = next;
  document.body.dataset.build = String(next.build);
  if (next.building) setStatus(next.build === 0 ? "처음 만드는 중…" : "다시 만드는 중…", "building");
  else if (!next.ok) setStatus(`빌드 실패 (${next.builtAt}) — 오류 ${next.errors.length}개`, "failed");
  else setStatus(`${next.builtAt} 빌드 완료 · ${next.elapsedMs.toLocaleString("ko-KR")} ms`, "ok");
  renderBriefs(next);
  renderErrors(next);
  renderChanges(next);
  // While a build runs the pages stay as they are; when it ends, the pictures that changed are swapped in.
  if (next.building) return;
  await renderPages();
  document.body.dataset.shown = String(next.build);
}

function currentBrief() {
  return state ? state.briefs.find((b) => b.key === briefKey) : null;
}

function renderBriefs(next) {
  const select = $("brief");
  const wanted = briefKey || decodeURIComponent(location.hash.slice(1)) || null;
  const keys = next.briefs.map((b) => b.key);
  if (select.options.length !== keys.length || [...select.options].some((o, i) => o.value !== keys[i])) {
    select.replaceChildren(...next.briefs.map((b) => el("option", { value: b.key }, `${b.edition} · ${b.title}`)));
  }
  briefKey = keys.includes(wanted) ? wanted : (keys[0] || null);
  if (briefKey) select.value = briefKey;
}

// ---- pages ---------------------------------------------------------------------------------------------------------

function pageWidthPx(page) {
  if (fitWidth) {
    const available = $("pages").clientWidth - 40;
    return Math.max(200, available);
  }
  return page.widthPt * CSS_PX_PER_PT * zoom;
}

function sizeSheet(sheet, page) {
  const width = pageWidthPx(page);
  sheet.style.width = `${width}px`;
  sheet.style.height = `${width * page.heightPt / page.widthPt}px`;
}

/** Loads an image before showing it, so a page is never blank while its new picture arrives. */
function preload(src) {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(true);
    image.onerror = () => resolve(false);
    image.src = src;
  });
}

async function renderPages() {
  const brief = currentBrief();
  const container = $("pages");
  const thumbs = $("thumbs");
  if (!brief) { container.replaceChildren(); thumbs.replaceChildren(); return; }
  if (container.dataset.brief !== brief.key) {
    container.replaceChildren();
    thumbs.replaceChildren();
    container.dataset.brief = brief.key;
    clearSelection();
  }
  await Promise.all(brief.pages.map((p) => preload(p.png)));
  // The pages keep their size: swapping pictures does not move what is in view. Pages added or removed are at the end.
  brief.pages.forEach((page) => {
    let figure = container.querySelector(`.page[data-page="${page.number}"]`);
    if (!figure) {
      const image = el("img", { alt: `${page.number}쪽`, draggable: "false" });
      const sheet = el("div", { class: "sheet", onclick: (e) => pick(e, page.number) }, image);
      figure = el("figure", { class: "page", dataset: { page: String(page.number) } }, sheet,
        el("figcaption", {}, `${page.number}쪽`, el("span", { class: "badge" }, "변경")));
      container.append(figure);
      const thumb = el("button", { type: "button", class: "thumb", dataset: { page: String(page.number) }, title: `${page.number}쪽으로`,
        onclick: () => scrollToPage(page.number) }, el("img", { alt: "" }), el("span", {}, `${page.number}`));
      thumbs.append(thumb);
    }
    const sheet = figure.querySelector(".sheet");
    sizeSheet(sheet, page);
    const image = sheet.querySelector("img");
    if (image.getAttribute("src") !== page.png) image.src = page.png;
    const thumbImage = thumbs.querySelector(`.thumb[data-page="${page.number}"] img`);
    if (thumbImage.getAttribute("src") !== page.png) thumbImage.src = page.png;
    figure.dataset.map = page.map;
    figure.classList.toggle("changed", page.changed);
    thumbs.querySelector(`.thumb[data-page="${page.number}"]`).classList.toggle("changed", page.changed);
  });
  container.querySelectorAll(".page").forEach((f) => { if (+f.dataset.page > brief.pages.length) f.remove(); });
  thumbs.querySelectorAll(".thumb").forEach((t) => { if (+t.dataset.page > brief.pages.length) t.remove(); });
  if (selected) reselect();
  markCurrentThumb();
}

function scrollToPage(number) {
  const figure = $("pages").querySelector(`.page[data-page="${number}"]`);
  if (figure) $("pages").scrollTo({ top: figure.offsetTop - 8 });
}

/** The page at the top of the view, and how far into it the view starts (0..1): kept across zoom changes. */
function viewAnchor() {
  const container = $("pages");
  for (const figure of container.querySelectorAll(".page")) {
    if (figure.offsetTop + figure.offsetHeight > container.scrollTop) {
      return { page: figure.dataset.page, fraction: (container.scrollTop - figure.offsetTop) / Math.max(1, figure.offsetHeight) };
    }
  }
  return null;
}

function restoreAnchor(anchor) {
  if (!anchor) return;
  const figure = $("pages").querySelector(`.page[data-page="${anchor.page}"]`);
  if (figure) $("pages").scrollTop = figure.offsetTop + anchor.fraction * figure.offsetHeight;
}

function markCurrentThumb() {
  const anchor = viewAnchor();
  $("thumbs").querySelectorAll(".thumb").forEach((t) => t.classList.toggle("current", anchor && t.dataset.page === anchor.page));
}

function setZoom(value, fit = false) {
  const anchor = viewAnchor();
  zoom = value;
  fitWidth = fit;
  const brief = currentBrief();
  if (brief) {
    brief.pages.forEach((page) => {
      const sheet = $("pages").querySelector(`.page[data-page="${page.number}"] .sheet`);
      if (sheet) sizeSheet(sheet, page);
    });
  }
  $("zoom-level").textContent = fit ? "폭 맞춤" : `${Math.round(value * 100)}%`;
  restoreAnchor(anchor);
  if (selected) reselect();
}

function stepZoom(direction) {
  const current = fitWidth ? currentFitZoom() : zoom;
  const next = direction > 0 ? ZOOMS.find((z) => z > current + 0.001) : [...ZOOMS].reverse().find((z) => z < current - 0.001);
  if (next) setZoom(next);
}

function currentFitZoom() {
  const brief = currentBrief();
  if (!brief || !brief.pages.length) return 1;
  return pageWidthPx(brief.pages[0]) / (brief.pages[0].widthPt * CSS_PX_PER_PT);
}

// ---- source ↔ page ------------------------------------------------------------------------------------------------

async function mapOf(url) {
  if (!maps.has(url)) {
    const response = await fetch(url);
    if (!response.ok) return null;
    maps.set(url, await response.json());
  }
  return maps.get(url);
}

/**
 * The smallest box of the page's map under the point (page coordinates, points); else the nearest box within a few
 * points (a click beside the text of a table cell or a short line).
 */
function blockAt(map, x, y) {
  let best = null;
  let nearest = null;
  let nearestDistance = 12;
  for (const block of map.blocks) {
    const dx = Math.max(block.x - x, 0, x - (block.x + block.w));
    const dy = Math.max(block.y - y, 0, y - (block.y + block.h));
    if (dx <= 1 && dy <= 1) {
      if (!best || block.w * block.h < best.w * best.h) best = block;
    } else if (Math.hypot(dx, dy) < nearestDistance) {
      nearestDistance = Math.hypot(dx, dy);
      nearest = block;
    }
  }
  return best || nearest;
}

async function pick(event, number) {
  const sheet = event.currentTarget;
  const figure = sheet.closest(".page");
  const map = await mapOf(figure.dataset.map);
  if (!map) return;
  const rect = sheet.getBoundingClientRect();
  const x = (event.clientX - rect.left) / rect.width * map.width;
  const y = (event.clientY - rect.top) / rect.height * map.height;
  const block = blockAt(map, x, y);
  selected = block ? { page: number, source: block.source, text: block.text } : null;
  showSelection(number, map, block);
}

/** After a rebuild or a zoom: find the selected part again (same source on the same page) and redraw its box. */
async function reselect() {
  const figure = $("pages").querySelector(`.page[data-page="${selected.page}"]`);
  if (!figure) { clearSelection(); return; }
  const map = await mapOf(figure.dataset.map);
  const block = map && (map.blocks.find((b) => b.source === selected.source && b.text === selected.text)
    || map.blocks.find((b) => b.source === selected.source));
  if (block) showSelection(selected.page, map, block, false);
  else clearSelection();
}

function clearSelection() {
  selected = null;
  document.querySelectorAll(".highlight").forEach((h) => h.remove());
  $("selection-body").className = "hint";
  $("selection-body").textContent = "쪽의 문단, 표, 그림을 누르면 그 부분을 쓴 템플릿 줄과 찍힌 지표(값, 산식, 자료 행)가 여기에 나옵니다.";
}

function showSelection(number, map, block, fresh = true) {
  document.querySelectorAll(".highlight").forEach((h) => h.remove());
  const body = $("selection-body");
  body.className = "";
  if (!block) {
    body.replaceChildren(el("p", { class: "hint" }, `${number}쪽의 이 자리에는 템플릿에서 온 글이 없습니다 (머리말, 쪽 번호, 여백 등).`));
    return;
  }
  const sheet = $("pages").querySelector(`.page[data-page="${number}"] .sheet`);
  const box = el("div", { class: "highlight" });
  box.style.left = `${block.x / map.width * 100}%`;
  box.style.top = `${block.y / map.height * 100}%`;
  box.style.width = `${block.w / map.width * 100}%`;
  box.style.height = `${block.h / map.height * 100}%`;
  sheet.append(box);

  const place = describeSource(block.source);
  const parts = [
    el("p", {}, el("span", { class: "kind" }, KINDS[block.kind] || block.kind), ` ${number}쪽`,
      block.figure ? ` · 그림 ${block.figure}` : ""),
    el("p", {}, el("strong", {}, place.what), el("br"), el("code", { class: "source", id: "selection-source" }, block.source)),
  ];
  if (block.text) parts.push(el("p", { class: "snippet" }, `“${block.text}”`));
  if (block.metrics.length) {
    parts.push(el("h3", {}, block.kind === "figure" ? "그림이 그린 지표" : "찍힌 지표"));
    for (const id of block.metrics) parts.push(metricCard(id, map.metrics[id]));
  } else {
    parts.push(el("p", { class: "hint" }, "이 부분은 지표 값을 찍지 않습니다."));
  }
  body.replaceChildren(...parts);
  if (fresh) document.body.dataset.selected = block.source;
}

/** "templates/brief/02-AI모델.md.sbn:12:3" → "templates/brief/02-AI모델.md.sbn 12행 3열"; the manifest for the cover. */
function describeSource(source) {
  const match = /^(.*?):(\d+)(?::(\d+))?$/.exec(source);
  if (!match) return { what: source };
  const [, file, line, column] = match;
  const where = `${file} ${line}행${column ? ` ${column}열` : ""}`;
  return { what: file.endsWith("briefs.toml") ? `표지: ${where}` : `템플릿: ${where}` };
}

function metricCard(id, metric) {
  if (!metric) return el("div", { class: "metric" }, el("code", {}, id));
  const unit = metric.unit ? ` (단위: ${metric.unit})` : "";
  const value = metric.value === undefined ? "—"
    : metric.kind === "number" ? `${metric.value}${metric.unit ? " " + metric.unit : ""}`
    : metric.kind === "rows" ? `표 ${metric.value}행`
    : metric.kind === "series" ? `${metric.value}${unit}`
    : metric.value;
  return el("div", { class: "metric" },
    el("div", {}, el("strong", {}, metric.label)),
    el("dl", {},
      el("dt", {}, "지표"), el("dd", {}, el("code", { class: "source" }, id)),
      el("dt", {}, "값"), el("dd", {}, value + (metric.period ? ` (${metric.period})` : "")),
      el("dt", {}, "산식"), el("dd", {}, metric.formula),
      el("dt", {}, "자료 행"), el("dd", {}, metric.sources.length
        ? el("ul", { class: "plain" }, metric.sources.map((s) => el("li", {}, el("code", { class: "source" }, s))))
        : "—")));
}

// ---- errors and changes -------------------------------------------------------------------------------------------

let errorsHidden = null;

function renderErrors(next) {
  const overlay = $("error-overlay");
  const errors = next.building ? [] : next.errors;
  if (!errors.length) {
    if (!next.building) { overlay.hidden = true; errorsHidden = null; }
    return;
  }
  const key = JSON.stringify(errors.map((e) => e.location + e.message));
  $("error-title").textContent = `빌드 실패 — 오류 ${errors.length}개`;
  $("error-list").replaceChildren(...errors.map(errorItem));
  overlay.hidden = errorsHidden === key;
}

function errorItem(error) {
  const item = el("li", { class: "error" },
    el("div", { class: "error-location" }, error.location || "(위치 없음)"),
    error.brief ? el("div", { class: "error-brief" }, `브리프 ${error.brief}`) : null,
    el("div", { class: "error-message" }, error.message));
  if (error.excerpt) {
    const { line, text, column } = error.excerpt;
    const gutter = String(line);
    const at = Math.max(0, column - 1);
    const pre = el("pre", { class: "error-excerpt" },
      el("span", { class: "gutter" }, `${gutter} | `),
      text.slice(0, at), column > 0 ? el("mark", {}, text.slice(at, at + 1) || " ") : null, column > 0 ? text.slice(at + 1) : "",
      "\n");
    if (column > 0) {
      pre.append(el("span", { class: "gutter" }, `${" ".repeat(gutter.length)} | `),
        el("span", { class: "caret-pad" }, text.slice(0, at)), el("span", { class: "caret" }, "^"));
    }
    item.append(pre);
  }
  return item;
}

function renderChanges(next) {
  const body = $("changes-body");
  if (next.build === 0) return;
  body.className = "";
  const parts = [];
  const brief = currentBrief();
  const changedPages = brief ? brief.pages.filter((p) => p.changed).map((p) => p.number) : [];
  parts.push(el("h3", {}, "바뀐 쪽"));
  parts.push(changedPages.length
    ? el("p", { id: "changed-pages" }, ...changedPages.map((n, i) => [i ? ", " : "",
      el("button", { type: "button", class: "link-button", onclick: () => scrollToPage(n) }, `${n}쪽`)]))
    : el("p", { class: "hint", id: "changed-pages" }, "그림이 바뀐 쪽이 없습니다."));
  if (next.changed.length) {
    parts.push(el("h3", {}, "저장된 파일"));
    parts.push(el("ul", { class: "plain" }, next.changed.map((f) => el("li", {}, el("code", { class: "source" }, f)))));
  }
  parts.push(el("h3", {}, "바뀐 지표"));
  parts.push(next.metricChanges.length
    ? el("ul", { class: "plain", id: "metric-changes" }, next.metricChanges.map((m) => el("li", {},
      el("div", {}, `${m.label} `, el("code", { class: "source" }, m.id)),
      el("span", { class: "change-old" }, clip(m.old ?? "없음")), " → ", el("span", { class: "change-new" }, clip(m.new ?? "없음")))))
    : el("p", { class: "hint" }, "값이 바뀐 지표가 없습니다."));
  if (next.warnings.length) {
    parts.push(el("details", { id: "warnings" }, el("summary", {}, `경고 ${next.warnings.length}개`),
      el("ul", { class: "plain" }, next.warnings.map((w) => el("li", { class: "warning" }, w)))));
  } else {
    parts.push(el("h3", {}, "경고 없음"));
  }
  body.replaceChildren(...parts);
}

function clip(text) {
  return text.length > 80 ? text.slice(0, 79) + "…" : text;
}

// ---- wiring -------------------------------------------------------------------------------------------------------

function init() {
  $("brief").addEventListener("change", (e) => {
    scrollByBrief.set(briefKey, $("pages").scrollTop);
    briefKey = e.target.value;
    history.replaceState(null, "", "#" + encodeURIComponent(briefKey));
    renderChanges(state);
    renderPages().then(() => { $("pages").scrollTop = scrollByBrief.get(briefKey) || 0; });
  });
  $("zoom-in").addEventListener("click", () => stepZoom(1));
  $("zoom-out").addEventListener("click", () => stepZoom(-1));
  $("zoom-fit").addEventListener("click", () => setZoom(zoom, true));
  $("toggle-panel").addEventListener("click", (e) => {
    const hidden = document.body.classList.toggle("panel-hidden");
    e.currentTarget.setAttribute("aria-expanded", String(!hidden));
    if (fitWidth) setZoom(zoom, true);
  });
  $("error-hide").addEventListener("click", () => {
    errorsHidden = JSON.stringify(state.errors.map((e) => e.location + e.message));
    $("error-overlay").hidden = true;
  });
  $("pages").addEventListener("scroll", markCurrentThumb, { passive: true });
  window.addEventListener("resize", () => { if (fitWidth) setZoom(zoom, true); });
  document.addEventListener("keydown", (e) => {
    if (e.target instanceof HTMLSelectElement) return;
    if (e.key === "+" || e.key === "=") stepZoom(1);
    else if (e.key === "-") stepZoom(-1);
    else if (e.key === "Escape") clearSelection();
  });
  connect();
}

init();
