/* kb preview only: show the content's errors as a banner on every page (from _kb/preview.json,
 * rewritten by `kb preview` after every change; the page reloads by itself). */
(function () {
  "use strict";

  function statusUrl() {
    var config = document.getElementById("__config");
    var base = JSON.parse(config.textContent).base.replace(/\/?$/, "/");
    return new URL(base + "_kb/preview.json", window.location.href).href;
  }

  function show(status) {
    var old = document.getElementById("kb-preview-errors");
    if (old) {
      old.parentNode.removeChild(old);
    }
    if (!status || !status.errors || !status.errors.length) {
      return;
    }
    var box = document.createElement("div");
    box.id = "kb-preview-errors";
    box.className = "kb-preview-errors";
    box.setAttribute("role", "alert");
    var title = document.createElement("strong");
    title.textContent = "kb preview: the content has errors. This page shows the last good version; fix these and save:";
    var list = document.createElement("ul");
    status.errors.forEach(function (message) {
      var item = document.createElement("li");
      item.textContent = message;
      list.appendChild(item);
    });
    box.appendChild(title);
    box.appendChild(list);
    document.body.insertBefore(box, document.body.firstChild);
  }

  function check() {
    try {
      window.fetch(statusUrl(), { cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(show)
        .catch(function () { /* no status yet */ });
    } catch (error) {
      /* not served by kb preview */
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(check);
  } else {
    check();
  }
})();
