/* The header search of a site built with Zensical (`kb build --engine zensical` loads this script;
 * MkDocs builds do not).
 *
 * Zensical's header has a search button (and, on small screens, an icon toggling #__search) that
 * opens Zensical's own dialog over its search.json. When kb's search has a backend (`kb serve`'s
 * API, else the static index; window.KbSearch from kb-search.js), the button opens this dialog
 * instead, and kb-search.js answers it as it answers Material's header search: same results, same
 * stemming and typo tolerance. Capture-phase listeners keep the click (also the "/" shortcut's, which
 * clicks the button), the toggle and Ctrl+K / Cmd+K from reaching Zensical. Without a backend,
 * Zensical's dialog opens as usual.
 * Keys: Escape or a click beside the dialog closes it, arrows move through the results, Enter in
 * the box opens the first result.
 */
(function () {
  "use strict";

  var OPENER = "[data-md-component=search]";
  var backend; /* undefined until KbSearch.connect() answers, then a backend or null */
  var dialog = null;

  function element(tag, className) {
    var node = document.createElement(tag);
    node.className = className;
    return node;
  }

  function results() {
    return Array.prototype.slice.call(dialog.querySelectorAll(".md-search-result__link"));
  }

  function onKey(event) {
    var links = results();
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") { /* at once, even with text in the box (a search field would clear it first) */
      event.preventDefault();
      dialog.close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) dialog.querySelector("input").focus();
      else if (links[Math.min(next, links.length - 1)]) links[Math.min(next, links.length - 1)].focus();
    } else if (event.key === "Enter" && at < 0 && links.length) {
      event.preventDefault();
      window.location.href = links[0].href;
    }
  }

  function create(label) {
    dialog = element("dialog", "kb-search-dialog");
    dialog.setAttribute("aria-label", label);
    var bar = element("div", "kb-search-dialog__bar");
    var input = element("input", "kb-search-dialog__input");
    input.type = "search";
    input.placeholder = label;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("aria-label", label);
    bar.appendChild(input);
    var body = element("div", "kb-search-dialog__body");
    dialog.appendChild(bar);
    dialog.appendChild(body);
    document.body.appendChild(dialog);
    var search = window.KbSearch.attach(input, body, backend);
    input.addEventListener("input", function () { search.schedule(); });
    dialog.addEventListener("keydown", onKey);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); /* the backdrop */
    });
    input.addEventListener("focus", function () { if (backend.prepare) backend.prepare(); }, { once: true });
  }

  function open(opener) {
    if (!dialog) create((opener.textContent || "").trim() || "Search");
    if (!dialog.open) dialog.showModal();
    var input = dialog.querySelector("input");
    input.focus();
    input.select();
  }

  function isOpening(event, opener) {
    var target = event.target;
    if (event.type === "keydown") return (event.ctrlKey || event.metaKey) && (event.key || "").toLowerCase() === "k";
    if (event.type === "change") return target instanceof Element && target.id === "__search" && target.checked;
    return target instanceof Node && opener.contains(target);
  }

  /* Zensical's openers: a click in its search component, the #__search toggle, Ctrl+K. */
  function hold(event) {
    var target = event.target;
    var opener = document.querySelector(OPENER);
    if (!opener || backend === null || !isOpening(event, opener)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    if (event.type === "change") target.checked = false;
    if (backend) {
      open(opener);
      return;
    }
    window.KbSearch.connect().then(function (found) { /* a click before the probe answered */
      backend = found;
      if (found) open(opener);
      else opener.querySelector("button").click();
    });
  }

  function start() {
    if (!window.KbSearch || !document.querySelector(OPENER + " .md-search__button")) return;
    window.addEventListener("click", hold, true);
    window.addEventListener("change", hold, true);
    window.addEventListener("keydown", hold, true);
    window.KbSearch.connect().then(function (found) {
      backend = found;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
