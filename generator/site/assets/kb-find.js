/* "Find a procedure": filters over the page's list of procedures, and typed words.
 *
 * The page (render/templates/find.md.j2) lists every standard, checklist and path with
 * data-kind, data-area, data-channels and data-roles. Filters always work on that list. Typed
 * words go to the site's search (window.KbSearch from kb-search.js: `kb serve`'s API, else the
 * static index), so the page answers as the header search does, with highlighted snippets; the
 * summary stands aside when the snippet shows the same sentence. With no search at all (the
 * authoring preview) typed words must appear in the title or summary.
 * The address keeps the form: find/?q=zwrot&area=complaints&role=agent; a change of filter is
 * a new history entry (the back button restores the previous filters), typing is not.
 * On a phone the filters fold behind one button (kb-search.css hides them while it says
 * aria-expanded="false"); its label counts the filters that are on, so a folded filter is no surprise.
 */
(function () {
  "use strict";

  var FILTERS = ["kind", "area", "channel", "role"];
  var LIMIT = 50;

  function fold(text) {
    return text.toLowerCase().replace(/ł/g, "l").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ς/g, "σ");
  }

  function Finder(root, backend) {
    this.root = root;
    this.backend = backend;
    this.form = root.querySelector("form");
    this.status = root.querySelector(".kb-find__status");
    this.list = root.querySelector(".kb-find__results");
    this.items = Array.prototype.slice.call(this.list.children);
    this.byId = {};
    this.order = this.items.slice();
    this.sequence = 0;
    this.timer = null;
    var self = this;
    this.items.forEach(function (item) {
      self.byId[item.getAttribute("data-id")] = item;
    });
  }

  Finder.prototype.values = function () {
    var values = { q: this.form.elements.q.value.trim() };
    var form = this.form;
    FILTERS.forEach(function (name) {
      values[name] = form.elements[name].value;
    });
    return values;
  };

  /* The form from the address (on load, and when the back button brings an earlier one). */
  Finder.prototype.read = function () {
    var params = new URLSearchParams(window.location.search);
    var form = this.form;
    ["q"].concat(FILTERS).forEach(function (name) {
      var wanted = params.get(name) || "";
      var field = form.elements[name];
      if (name !== "q" && wanted && !field.querySelector('option[value="' + CSS.escape(wanted) + '"]')) wanted = "";
      field.value = wanted;
    });
  };

  /* The address from the form: `push` for a new history entry, else the current one is replaced. */
  Finder.prototype.write = function (push) {
    var values = this.values();
    var names = ["q"].concat(FILTERS);
    var params = new URLSearchParams();
    names.forEach(function (name) {
      if (values[name]) params.set(name, values[name]);
    });
    new URLSearchParams(window.location.search).forEach(function (value, name) {
      if (names.indexOf(name) < 0) params.append(name, value); /* someone else's: kept */
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  };

  /* The phone's fold: the button shows once this script runs (without it the filters stay open). */
  Finder.prototype.fold = function () {
    var button = this.root.querySelector(".kb-find__toggle");
    if (!button) return;
    this.toggle = button;
    button.hidden = false;
    button.addEventListener("click", function () {
      button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
    });
  };

  Finder.prototype.label = function (values) {
    if (!this.toggle) return;
    var on = FILTERS.filter(function (name) { return values[name]; }).length;
    this.toggle.textContent = on ? this.toggle.getAttribute("data-kb-label-on").replace("{n}", String(on))
      : this.toggle.getAttribute("data-kb-label");
  };

  Finder.prototype.passes = function (item, values) {
    var lists = { channel: "data-channels", role: "data-roles" };
    for (var i = 0; i < FILTERS.length; i++) {
      var name = FILTERS[i];
      var wanted = values[name];
      if (!wanted) continue;
      if (lists[name]) {
        var have = (item.getAttribute(lists[name]) || "").split(" ");
        if (have.indexOf(wanted) < 0 && !(name === "role" && have.indexOf("everyone") >= 0)) return false;
      } else if (item.getAttribute("data-" + name) !== wanted) {
        return false;
      }
    }
    return true;
  };

  function snippetNode(pieces) {
    var p = document.createElement("p");
    p.className = "kb-find__snippet";
    pieces.forEach(function (piece) {
      var node = piece[1] ? document.createElement("mark") : document.createTextNode(piece[0]);
      if (piece[1]) node.textContent = piece[0];
      p.appendChild(node);
    });
    return p;
  }

  /* The snippet says what the summary says (or part of it): show one of them, the snippet. */
  function sameText(snippet, summary) {
    var a = snippet.replace(/…/g, "").replace(/\s+/g, " ").trim();
    var b = summary.replace(/\s+/g, " ").trim();
    return !!a && !!b && (b.indexOf(a) >= 0 || a.indexOf(b) >= 0);
  }

  Finder.prototype.show = function (ids, snippets) {
    var self = this;
    var order = ids ? ids.map(function (id) { return self.byId[id]; }).filter(Boolean) : this.order;
    this.items.forEach(function (item) {
      item.hidden = true;
    });
    order.forEach(function (item) {
      self.list.appendChild(item);
      item.hidden = false;
      var old = item.querySelector(".kb-find__snippet");
      if (old) old.parentNode.removeChild(old);
      var summary = item.querySelector(".kb-find__summary");
      if (summary) summary.hidden = false;
      var pieces = snippets && snippets[item.getAttribute("data-id")];
      if (pieces && pieces.length) {
        var node = snippetNode(pieces);
        if (summary && sameText(node.textContent, summary.textContent)) summary.hidden = true;
        item.appendChild(node);
      }
    });
    var template = order.length ? this.root.getAttribute("data-kb-count") : this.root.getAttribute("data-kb-none");
    this.status.textContent = (template || "#").replace("#", String(order.length));
  };

  Finder.prototype.update = function () {
    var self = this;
    var values = this.values();
    this.label(values);
    var passing = this.order.filter(function (item) { return self.passes(item, values); });
    var ids = function (items) { return items.map(function (item) { return item.getAttribute("data-id"); }); };
    if (!values.q) return this.show(ids(passing));
    if (!this.backend) {
      var typed = fold(values.q).split(/\s+/).filter(Boolean);
      return this.show(ids(passing.filter(function (item) {
        var text = fold(item.textContent);
        return typed.every(function (word) { return text.indexOf(word) >= 0; });
      })));
    }
    var number = ++this.sequence;
    var filters = {};
    FILTERS.forEach(function (name) {
      if (values[name]) filters[name] = values[name];
    });
    this.backend.search(values.q.slice(0, 200), filters, LIMIT).then(function (data) {
      if (number !== self.sequence) return;
      var found = [];
      var snippets = {};
      (data.results || []).forEach(function (hit) {
        if (self.byId[hit.id] && self.passes(self.byId[hit.id], values)) {
          found.push(hit.id);
          snippets[hit.id] = hit.snippet_pieces;
        }
      });
      self.show(found, snippets);
      self.list.setAttribute("data-kb-query", values.q);
    }).catch(function () {
      self.backend = null;
      self.update();
    });
  };

  /* Material opens its header search for ?q= on any page, and takes q out of the address when that
   * closes; on this page the query belongs to the page's own box. */
  function keepQueryOnPage() {
    var toggle = document.getElementById("__search");
    var header = document.querySelector("[data-md-component=search-query]");
    if (toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    if (header) header.value = "";
  }

  function start() {
    var root = document.querySelector("[data-kb-find]");
    if (!root) return;
    var connect = window.KbSearch ? window.KbSearch.connect() : Promise.resolve(null);
    connect.then(function (backend) {
      var finder = new Finder(root, backend);
      finder.read();
      finder.fold();
      keepQueryOnPage();
      finder.write(false);
      finder.form.addEventListener("submit", function (event) {
        event.preventDefault();
        finder.write(true);
        finder.update();
      });
      finder.form.addEventListener("change", function (event) {
        finder.write(event.target.name !== "q");
        finder.update();
      });
      finder.form.addEventListener("input", function (event) {
        if (event.target.name !== "q") return;
        window.clearTimeout(finder.timer);
        finder.timer = window.setTimeout(function () {
          finder.write(false);
          finder.update();
        }, 150);
      });
      window.addEventListener("popstate", function () {
        finder.read();
        finder.update();
      });
      finder.update();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
