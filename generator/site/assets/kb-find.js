/* "Find a procedure": filters over the page's list of procedures, and typed words.
 *
 * The page (generator/search/findpage.py) lists every standard, checklist and path with
 * data-kind, data-area, data-channels, data-roles and data-words (title and summary, folded).
 * Filters always work on that list. Typed words go to /api/search when the site is served
 * by `kb serve` (same answers as the header search); on static hosting each typed word
 * must start a word of the title or summary (diacritics ignored).
 * The address presets the form: find/?q=zwrot&area=complaints&role=agent.
 */
(function () {
  "use strict";

  var FILTERS = ["kind", "area", "channel", "role"];
  var PROBE_KEY = "kb-search-api";

  function fold(text) {
    return text.toLowerCase().replace(/ł/g, "l").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ς/g, "σ");
  }

  function words(text) {
    return fold(text).split(/[^0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+/).filter(Boolean);
  }

  function apiAvailable(done) {
    var known = null;
    try {
      known = window.sessionStorage.getItem(PROBE_KEY);
    } catch (error) {
      known = null;
    }
    if (known === "1" || known === "0") return done(known === "1");
    if (!window.fetch || window.location.protocol === "file:") return done(false);
    window.fetch("/api/health").then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      var ok = !!(data && data.status === "ok");
      try {
        window.sessionStorage.setItem(PROBE_KEY, ok ? "1" : "0");
      } catch (error) {
        /* probe again next time */
      }
      done(ok);
    }).catch(function () {
      done(false);
    });
  }

  function Finder(root, api) {
    this.root = root;
    this.api = api;
    this.lang = root.getAttribute("data-kb-lang") || "";
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

  Finder.prototype.show = function (ids, snippets) {
    var self = this;
    var shown = 0;
    var order = ids ? ids.map(function (id) { return self.byId[id]; }).filter(Boolean) : this.order;
    this.items.forEach(function (item) {
      item.hidden = true;
    });
    order.forEach(function (item) {
      self.list.appendChild(item);
      item.hidden = false;
      shown += 1;
      var old = item.querySelector(".kb-find__snippet");
      if (old) old.parentNode.removeChild(old);
      var pieces = snippets && snippets[item.getAttribute("data-id")];
      if (pieces && pieces.length) {
        var p = document.createElement("p");
        p.className = "kb-find__snippet";
        pieces.forEach(function (piece) {
          var node = piece[1] ? document.createElement("mark") : document.createTextNode(piece[0]);
          if (piece[1]) node.textContent = piece[0];
          p.appendChild(node);
        });
        item.appendChild(p);
      }
    });
    var template = shown ? this.root.getAttribute("data-kb-count") : this.root.getAttribute("data-kb-none");
    this.status.textContent = (template || "#").replace("#", String(shown));
  };

  Finder.prototype.update = function () {
    var self = this;
    var values = this.values();
    var passing = this.order.filter(function (item) { return self.passes(item, values); });
    if (!values.q) return this.show(passing.map(function (item) { return item.getAttribute("data-id"); }));
    if (!this.api) {
      var typed = words(values.q);
      return this.show(passing.filter(function (item) {
        var have = (item.getAttribute("data-words") || "").split(" ");
        return typed.every(function (word) {
          return have.some(function (w) { return w.indexOf(word) === 0; });
        });
      }).map(function (item) { return item.getAttribute("data-id"); }));
    }
    var number = ++this.sequence;
    var url = "/api/search?limit=50&q=" + encodeURIComponent(values.q.slice(0, 200)) +
      (this.lang ? "&lang=" + encodeURIComponent(this.lang) : "");
    FILTERS.forEach(function (name) {
      if (values[name]) url += "&" + name + "=" + encodeURIComponent(values[name]);
    });
    window.fetch(url).then(function (response) { return response.json(); }).then(function (data) {
      if (number !== self.sequence) return;
      var ids = [];
      var snippets = {};
      (data.results || []).forEach(function (hit) {
        if (self.byId[hit.id] && self.passes(self.byId[hit.id], values)) {
          ids.push(hit.id);
          snippets[hit.id] = hit.snippet_pieces;
        }
      });
      self.show(ids, snippets);
    }).catch(function () {
      self.api = false;
      self.update();
    });
  };

  function start() {
    var root = document.querySelector("[data-kb-find]");
    if (!root) return;
    apiAvailable(function (api) {
      var finder = new Finder(root, api);
      var params = new URLSearchParams(window.location.search);
      ["q"].concat(FILTERS).forEach(function (name) {
        if (params.get(name) && finder.form.elements[name]) finder.form.elements[name].value = params.get(name);
      });
      finder.form.addEventListener("submit", function (event) {
        event.preventDefault();
        finder.update();
      });
      finder.form.addEventListener("change", function () { finder.update(); });
      finder.form.addEventListener("input", function () {
        window.clearTimeout(finder.timer);
        finder.timer = window.setTimeout(function () { finder.update(); }, 150);
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
