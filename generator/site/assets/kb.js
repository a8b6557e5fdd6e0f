/* Service standards site: progress ticks on paths, a language switcher that stays on the
 * page, and tables that stack on phones. Without JavaScript every page still reads as
 * plain lists and tables.
 *
 * Page data: <div id="kb-page" data-kb-lang data-kb-default-lang data-kb-kind data-kb-id>.
 * Progress: localStorage["kb-progress:<path id>"] = {"<step key>": "<date ticked>", ...};
 * keyed by step key, so editing or reordering other steps keeps the ticks. The same store
 * feeds "3 of 25 done — continue" wherever a path is listed (a.kb-path-progress), the tick
 * dates on the path page, and the "print my progress" sheet (kb-print.js).
 * Accessibility: every task-list box is named by its row's text, progress bars by their
 * heading, and Material's search dialog by its search field.
 */
(function () {
  "use strict";

  var STORE = "kb-progress:";
  document.documentElement.classList.add("kb-js");

  function load(pathId) {
    try {
      var ticks = JSON.parse(window.localStorage.getItem(STORE + pathId) || "{}");
      return ticks && typeof ticks === "object" ? ticks : {};
    } catch (error) {
      return {};
    }
  }

  function save(pathId, ticks) {
    try {
      if (Object.keys(ticks).length) {
        window.localStorage.setItem(STORE + pathId, JSON.stringify(ticks));
      } else {
        window.localStorage.removeItem(STORE + pathId);
      }
    } catch (error) {
      /* storage full or disabled: ticks last until the page is left */
    }
  }

  function collectSteps() {
    var markers = document.querySelectorAll(".kb-step[data-kb-step]");
    var steps = [];
    Array.prototype.forEach.call(markers, function (marker) {
      var item = marker.closest("li");
      var box = item && item.querySelector("input[type=checkbox]");
      if (box) {
        steps.push({
          key: marker.getAttribute("data-kb-step"),
          phase: marker.getAttribute("data-kb-phase"),
          box: box,
          item: item
        });
      }
    });
    return steps;
  }

  function rowText(item) {
    var copy = item.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("small, ul, ol, .kb-untranslated, .kb-step__date"),
      function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function headingText(heading) {
    if (!heading) {
      return "";
    }
    var copy = heading.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function nameControls() {
    Array.prototype.forEach.call(document.querySelectorAll(".task-list-item > .task-list-control input"),
      function (box) {
        if (!box.hasAttribute("aria-label")) {
          box.setAttribute("aria-label", rowText(box.closest("li")));
        }
      });
    var field = document.querySelector(".md-search__input");
    Array.prototype.forEach.call(document.querySelectorAll("[role=dialog]:not([aria-label])"), function (dialog) {
      dialog.setAttribute("aria-label", (field && field.getAttribute("aria-label")) || "Search");
    });
  }

  function showDates(steps, ticks, label) {
    steps.forEach(function (step) {
      var shown = step.item.querySelector(".kb-step__date");
      var date = step.box.checked && typeof ticks[step.key] === "string" ? ticks[step.key] : "";
      if (!date) {
        if (shown) {
          shown.remove();
        }
        return;
      }
      if (!shown) {
        shown = document.createElement("small");
        shown.className = "kb-step__date";
        var meta = step.item.querySelector(".kb-step__meta");
        step.item.insertBefore(shown, meta || null);
      }
      shown.textContent = (label || "{date}").replace("{date}", date);
    });
  }

  function showProgress(steps, label) {
    var bars = document.querySelectorAll("[data-kb-progress]");
    Array.prototype.forEach.call(bars, function (bar) {
      var phase = bar.getAttribute("data-kb-progress");
      var mine = steps.filter(function (step) { return phase === "all" || step.phase === phase; });
      var done = mine.filter(function (step) { return step.box.checked; }).length;
      var fill = bar.querySelector(".kb-progress__bar");
      fill.setAttribute("role", "progressbar");
      fill.setAttribute("aria-valuemin", "0");
      fill.setAttribute("aria-valuemax", String(mine.length));
      fill.setAttribute("aria-valuenow", String(done));
      if (!fill.hasAttribute("aria-label")) {
        var heading = phase === "all" ? document.querySelector(".md-content h1")
          : document.getElementById(phase);
        fill.setAttribute("aria-label", headingText(heading));
      }
      fill.firstElementChild.style.width = (mine.length ? (100 * done) / mine.length : 0) + "%";
      var text = phase === "all" && label ? label : "{done} / {total}";
      bar.querySelector(".kb-progress__label").textContent =
        text.replace("{done}", String(done)).replace("{total}", String(mine.length));
      bar.classList.toggle("kb-progress--done", mine.length > 0 && done === mine.length);
      bar.hidden = false;
    });
    steps.forEach(function (step) { step.item.classList.toggle("kb-step--done", step.box.checked); });
  }

  function setupPath() {
    var tools = document.querySelector(".kb-path-tools[data-kb-path]");
    if (!tools || tools.hasAttribute("data-kb-ready")) {
      return;
    }
    tools.setAttribute("data-kb-ready", "");
    var pathId = tools.getAttribute("data-kb-path");
    var label = tools.getAttribute("data-kb-progress-label");
    var dated = tools.getAttribute("data-kb-ticked-label");
    var steps = collectSteps();
    var ticks = load(pathId);
    steps.forEach(function (step) {
      step.box.disabled = false;
      step.box.checked = Object.prototype.hasOwnProperty.call(ticks, step.key);
      step.box.addEventListener("change", function () {
        var current = load(pathId);
        if (step.box.checked) {
          current[step.key] = new Date().toISOString().slice(0, 10);
        } else {
          delete current[step.key];
        }
        save(pathId, current);
        showProgress(steps, label);
        showDates(steps, current, dated);
      });
    });
    var mine = tools.querySelector(".kb-print-mine");
    if (mine) {
      mine.hidden = false;
    }
    var reset = tools.querySelector(".kb-reset");
    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", function () {
        if (!window.confirm(reset.getAttribute("data-kb-confirm"))) {
          return;
        }
        save(pathId, {});
        steps.forEach(function (step) { step.box.checked = false; });
        showProgress(steps, label);
        showDates(steps, {}, dated);
      });
    }
    showProgress(steps, label);
    showDates(steps, ticks, dated);
  }

  /* "3 of 25 done — continue" next to a path wherever it is listed, once it has ticks */
  function showPathProgress() {
    Array.prototype.forEach.call(document.querySelectorAll("a.kb-path-progress[data-kb-path]"), function (link) {
      var ticks = load(link.getAttribute("data-kb-path"));
      var keys = (link.getAttribute("data-kb-steps") || "").split(" ").filter(Boolean);
      var done = keys.filter(function (key) { return Object.prototype.hasOwnProperty.call(ticks, key); }).length;
      if (!done) {
        link.hidden = true;
        return;
      }
      link.textContent = link.getAttribute("data-kb-label")
        .replace("{done}", String(done)).replace("{total}", String(keys.length));
      link.hidden = false;
    });
  }

  function setupLanguages() {
    var config = document.getElementById("__config");
    var base;
    try {
      base = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), window.location.href);
    } catch (error) {
      return;
    }
    var here = window.location.href.split("#")[0].split("?")[0];
    if (here.indexOf(base.href) !== 0) {
      return;
    }
    var page = here.slice(base.href.length);
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    Array.prototype.forEach.call(links, function (link) {
      if (!link.hasAttribute("data-kb-root")) {
        link.setAttribute("data-kb-root", link.href);
        /* every language has every page: follow this link, not Material's sitemap lookup (which
           falls back to the language's home page when the sitemap's host or port differ) */
        link.addEventListener("click", function (event) { event.stopPropagation(); });
      }
      link.href = new URL(page, link.getAttribute("data-kb-root")).href + window.location.hash;
    });
  }

  function stackTables() {
    var tables = document.querySelectorAll(".kb-table--stack table");
    Array.prototype.forEach.call(tables, function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (heads[index]) {
            cell.setAttribute("data-kb-label", heads[index]);
          }
        });
      });
    });
  }

  /* item pages are not in the nav: mark their section's header tab from the breadcrumbs */
  function markSection() {
    var section = document.querySelector(".kb-crumbs a[data-kb-section]");
    if (!section || document.querySelector(".md-tabs__item--active")) {
      return;
    }
    var best = null;
    Array.prototype.forEach.call(document.querySelectorAll(".md-tabs__link"), function (link) {
      var tab = new URL(link.href).pathname;
      if (section.pathname.indexOf(tab) === 0 && (!best || tab.length > new URL(best.href).pathname.length)) {
        best = link;
      }
    });
    var home = document.querySelector(".kb-crumbs a");
    if (best && new URL(best.href).pathname !== home.pathname) {
      best.closest(".md-tabs__item").classList.add("md-tabs__item--active");
    }
  }

  function init() {
    markSection();
    setupPath();
    showPathProgress();
    nameControls();
    setupLanguages();
    stackTables();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
