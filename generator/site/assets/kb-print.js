/* The print page (print/<id>.html): a Print button, and with "?mine" on a path's sheet, the
 * ticks and dates this browser holds (localStorage["kb-progress:<path id>"], written by kb.js),
 * so a new hire prints their progress to sign with the mentor. Without "?mine" the sheet is blank.
 */
(function () {
  "use strict";

  function ticks(pathId) {
    try {
      var stored = JSON.parse(window.localStorage.getItem("kb-progress:" + pathId) || "{}");
      return stored && typeof stored === "object" ? stored : {};
    } catch (error) {
      return {};
    }
  }

  function fillMine(sheet) {
    var mine = ticks(sheet.getAttribute("data-kb-path"));
    Array.prototype.forEach.call(sheet.querySelectorAll("table.ticks input[type=checkbox][name]"), function (box) {
      var key = box.name.replace(/^\d+-/, "");
      if (Object.prototype.hasOwnProperty.call(mine, key)) {
        box.checked = true;
        var date = box.closest("tr").querySelector(".c-date input");
        if (date && typeof mine[key] === "string") {
          date.value = mine[key];
        }
      }
    });
  }

  function init() {
    var button = document.querySelector("[data-kb-print]");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    }
    var sheet = document.querySelector("main[data-kb-path]");
    if (sheet && /(^|[?&])mine(=|&|$)/.test(window.location.search.slice(1))) {
      fillMine(sheet);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
