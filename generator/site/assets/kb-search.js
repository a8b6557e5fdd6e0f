/* The header search and the search behind the "Find a procedure" page (kb-find.js).
 *
 * Two backends give the same answers: `kb serve`'s /api/search, when the site is served by it
 * (probed once per browser session), else the static index `kb build` writes beside the site
 * (_kb/search/static/, searched in the browser by engine.js, loaded when the search box is first
 * used). Either way results are shown in Material's result markup, in the page's language
 * (stemming for pl/el/ro/en, no diacritics needed, typos forgiven), and Material's own search is
 * held back by capture-phase listeners. With neither (the authoring preview), Material's search
 * works as usual.
 *
 * Page data: <div id="kb-page" data-kb-lang data-kb-default-lang>, else <html lang>.
 * For kb-find.js: window.KbSearch.connect() -> Promise of a backend or null;
 * backend.search(query, filters, limit) -> Promise of {total, results: [hit as /api/search gives]}.
 * For kb-search-dialog.js (Zensical's header has a button, not a search box):
 * window.KbSearch.attach(input, container, backend) -> {schedule(), run(text)}, results shown at the
 * top of `container`.
 */
(function () {
  "use strict";

  var API = "/api/";
  var PROBE_KEY = "kb-search-api";
  var DELAY = { api: 120, static: 20 }; /* ms after the last keystroke: the server's load, the browser's own work */
  var LIMIT = 20;
  var SCRIPT = document.currentScript ? document.currentScript.src : "";

  function pageData(name) {
    var page = document.getElementById("kb-page");
    return (page && page.getAttribute(name)) || "";
  }

  function pageLanguage() {
    return pageData("data-kb-lang") || document.documentElement.lang || "";
  }

  /* The site's root: this script is <language root>/assets/kb/kb-search.js, and every language
   * but the default one has its root one folder down. */
  function siteRoot() {
    var lang = pageData("data-kb-lang");
    var other = lang && pageData("data-kb-default-lang") && lang !== pageData("data-kb-default-lang");
    return new URL(other ? "../../../" : "../../", SCRIPT || window.location.href);
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

  function apiBackend(lang) {
    return {
      kind: "api",
      search: function (query, filters, limit) {
        var url = API + "search?q=" + encodeURIComponent(query) + "&limit=" + limit +
          (lang ? "&lang=" + encodeURIComponent(lang) : "");
        Object.keys(filters || {}).forEach(function (name) {
          if (filters[name]) url += "&" + name + "=" + encodeURIComponent(filters[name]);
        });
        return window.fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
          if (response.status === 400 && lang) { /* a language the index does not know: every language */
            lang = "";
            return this.search(query, filters, limit);
          }
          return response.json();
        }.bind(this));
      },
    };
  }

  function staticBackend(lang) {
    var root = new URL("_kb/search/static/", siteRoot());
    var opened = null;
    function engine() {
      if (!opened) {
        opened = import(new URL("engine.js", root).href).then(function (module) {
          return module.open(root, lang);
        });
      }
      return opened;
    }
    return {
      kind: "static",
      prepare: engine,
      search: function (query, filters, limit) {
        return engine().then(function (found) {
          return found.search(query, filters || {}, limit);
        }).then(function (answer) {
          return {
            total: answer.total,
            results: answer.hits.map(function (hit) {
              return Object.assign({}, hit, { url: new URL(hit.url.replace(/^\//, ""), siteRoot()).href });
            }),
          };
        });
      },
    };
  }

  var connection = null;

  /* The backend this page searches with: the API, else the static index if the site has one. */
  function connect() {
    if (!connection) {
      connection = new Promise(function (resolve) {
        var lang = pageLanguage();
        probe(function (available) {
          if (available) return resolve(apiBackend(lang));
          if (!window.fetch || !lang) return resolve(null);
          var backend = staticBackend(lang);
          window.fetch(new URL("_kb/search/static/" + lang + "/meta.json", siteRoot()).href, { method: "HEAD" })
            .then(function (response) {
              resolve(response.ok ? backend : null);
            })
            .catch(function () {
              resolve(null);
            });
        });
      });
    }
    return connection;
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
    var kind = element("p", "kb-search-kind");
    kind.appendChild(element("span", "kb-kind", hit.kind_label || hit.kind));
    article.appendChild(kind);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function Search(input, container, backend) {
    this.input = input;
    this.backend = backend;
    this.words = translations();
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
    document.documentElement.classList.add("kb-search-" + backend.kind);
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
    }, DELAY[this.backend.kind]);
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
    this.backend.search(query, {}, LIMIT)
      .then(function (data) {
        if (!data || number !== self.sequence) return; /* a later query is under way */
        self.list.textContent = "";
        (data.results || []).forEach(function (hit) {
          self.list.appendChild(resultItem(hit));
        });
        self.showMeta(data.results ? data.total : 0, query);
        self.list.setAttribute("data-kb-query", query);
      })
      .catch(function () {
        /* network hiccup: keep the last results */
      });
  };

  window.KbSearch = {
    connect: connect,
    attach: function (input, container, backend) {
      return new Search(input, container, backend);
    },
  };

  function start() {
    var input = document.querySelector("[data-md-component=search-query]");
    var container = document.querySelector("[data-md-component=search-result]");
    if (!input || !container) return;
    connect().then(function (backend) {
      if (!backend) return;
      var search = new Search(input, container, backend);
      var hold = function (event) {
        if (event.target !== input) return;
        event.stopImmediatePropagation();
        if (event.type === "input" || event.key !== "Enter") search.schedule();
      };
      window.addEventListener("input", hold, true);
      window.addEventListener("keyup", hold, true);
      if (backend.prepare) input.addEventListener("focus", function () { backend.prepare(); }, { once: true });
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
