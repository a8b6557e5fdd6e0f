/* Header search from the knowledge base's own index when the site is served by `kb serve`.
 *
 * On load it asks /api/health once per browser session. When the API answers, typing
 * into Material's search box queries /api/search in the page's language (stemming for
 * pl/el/ro/en, no diacritics needed, typos forgiven) and the results are shown in
 * Material's result markup; Material's own (lunr) search is held back by capture-phase
 * listeners. On plain static hosting the probe fails and Material's search works as usual.
 *
 * Page language: <div id="kb-page" data-kb-lang>, else <html lang>.
 */
(function () {
  "use strict";

  var API = "/api/";
  var PROBE_KEY = "kb-search-api";
  var DELAY = 120;
  var LIMIT = 20;

  function pageLanguage() {
    var page = document.getElementById("kb-page");
    return (page && page.getAttribute("data-kb-lang")) || document.documentElement.lang || "";
  }

  function translations() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return config.translations || {};
    } catch (error) {
      return {};
    }
  }

  function probe(done) {
    var known = null;
    try {
      known = window.sessionStorage.getItem(PROBE_KEY);
    } catch (error) {
      known = null;
    }
    if (known === "1" || known === "0") {
      done(known === "1");
      return;
    }
    if (!window.fetch || window.location.protocol === "file:") {
      done(false);
      return;
    }
    window.fetch(API + "health", { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        var ok = !!(data && data.status === "ok");
        try {
          window.sessionStorage.setItem(PROBE_KEY, ok ? "1" : "0");
        } catch (error) {
          /* private mode: probe again on the next page */
        }
        done(ok);
      })
      .catch(function () {
        done(false);
      });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function renderSnippet(target, pieces) {
    (pieces || []).forEach(function (piece) {
      if (piece[1]) {
        target.appendChild(element("mark", "", piece[0]));
      } else {
        target.appendChild(document.createTextNode(piece[0]));
      }
    });
  }

  function resultItem(hit) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = hit.url;
    link.tabIndex = -1;
    var article = element("article", "md-search-result__article md-typeset");
    article.setAttribute("data-md-score", String(hit.score));
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element("h1", "", hit.title));
    var text = element("p");
    renderSnippet(text, hit.snippet_pieces);
    article.appendChild(text);
    var kind = element("p", "kb-search-kind", hit.kind_label || hit.kind);
    article.appendChild(kind);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function Search(input, container) {
    this.input = input;
    this.words = translations();
    this.lang = pageLanguage();
    this.sequence = 0;
    this.timer = null;
    this.box = element("div", "kb-search-results");
    this.meta = element("div", "md-search-result__meta kb-search-meta");
    this.list = element("ol", "md-search-result__list");
    this.list.setAttribute("role", "presentation");
    this.box.appendChild(this.meta);
    this.box.appendChild(this.list);
    container.insertBefore(this.box, container.firstChild);
    document.documentElement.classList.add("kb-search-api");
    this.showMeta(0, "");
  }

  Search.prototype.showMeta = function (total, query) {
    var words = this.words;
    if (!query) {
      this.meta.textContent = words["search.result.placeholder"] || "Type to start searching";
    } else if (total === 0) {
      this.meta.textContent = words["search.result.none"] || "No matching documents";
    } else if (total === 1) {
      this.meta.textContent = words["search.result.one"] || "1 matching document";
    } else {
      this.meta.textContent = (words["search.result.other"] || "# matching documents").replace("#", String(total));
    }
  };

  Search.prototype.schedule = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      self.run(self.input.value);
    }, DELAY);
  };

  Search.prototype.run = function (value) {
    var self = this;
    var query = value.trim().slice(0, 200);
    var number = ++this.sequence;
    if (!query) {
      this.list.textContent = "";
      this.showMeta(0, "");
      return;
    }
    var url = API + "search?q=" + encodeURIComponent(query) + "&limit=" + LIMIT +
      (this.lang ? "&lang=" + encodeURIComponent(this.lang) : "");
    window.fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status === 400 && self.lang) {
          self.lang = ""; /* a language the index does not know: search every language instead */
          self.run(value);
          return null;
        }
        return response.json();
      })
      .then(function (data) {
        if (!data || number !== self.sequence) return; /* retried, or a later query is under way */
        self.list.textContent = "";
        (data.results || []).forEach(function (hit) {
          self.list.appendChild(resultItem(hit));
        });
        self.showMeta(data.results ? data.total : 0, query);
      })
      .catch(function () {
        /* network hiccup: keep the last results */
      });
  };

  function start() {
    var input = document.querySelector("[data-md-component=search-query]");
    var container = document.querySelector("[data-md-component=search-result]");
    if (!input || !container) return;
    probe(function (available) {
      if (!available) return;
      var search = new Search(input, container);
      var hold = function (event) {
        if (event.target !== input) return;
        event.stopImmediatePropagation();
        if (event.type === "input" || event.key !== "Enter") search.schedule();
      };
      window.addEventListener("input", hold, true);
      window.addEventListener("keyup", hold, true);
      if (input.form) {
        input.form.addEventListener("reset", function () {
          window.setTimeout(function () {
            search.run("");
          }, 0);
        });
      }
      if (input.value) search.run(input.value);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
