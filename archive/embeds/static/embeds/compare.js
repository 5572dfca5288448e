/* The compare page: a Mirador workspace with one window per item manifest, side by side (mosaic).
   The page gives the manifests and its language in a json_script element. The list of items stays on
   the page, so without JavaScript, or when the Mirador bundle cannot load, readers still reach them. */
(function () {
  "use strict";

  // Mirador 4 ships Lithuanian labels, but lacks a few that this workspace shows (an item's collection
  // and its dialog). Its other gaps are in parts left out here (layers, workspace export);
  // i18next shows any label still missing in English, the fallback language Mirador sets itself.
  var LITHUANIAN = {
    collection: "Kolekcija",
    close: "Uždaryti",
    totalManifests_one: "{{count}} šaltinis",
    totalManifests_few: "{{count}} šaltiniai",
    totalManifests_many: "{{count}} šaltinio",
    totalManifests_other: "{{count}} šaltinių",
  };

  // Below this width windows side by side are too narrow to see (Mirador's mosaic gives them no width at
  // all on a phone): each item gets a workspace of its own, stacked down the page.
  var NARROW = window.matchMedia("(max-width: 47.99rem)");

  function options(page, manifests, id) {
    return {
      id: id,
      language: page.language,
      translations: { lt: LITHUANIAN },
      windows: manifests.map(function (manifest) { return { manifestId: manifest }; }),
      // The comparison is the set of items in the address: no adding, closing or importing windows.
      workspace: { type: "mosaic", allowNewWindows: false },
      workspaceControlPanel: { enabled: false },
      window: {
        allowClose: false,
        allowMaximize: manifests.length > 1,
        sideBarOpen: false,
        // Curators' notes on details arrive as commenting annotations; there is no search service.
        panels: { annotations: true, search: false },
      },
      theme: { palette: { primary: { main: "#0b5c8a" }, secondary: { main: "#0b5c8a" } } },
    };
  }

  function start(box) {
    var page = JSON.parse(document.getElementById(box.dataset.workspaceConfig).textContent);
    if (typeof Mirador === "undefined") return;
    box.hidden = false;
    if (!NARROW.matches) {
      Mirador.viewer(options(page, page.manifests, box.id));
      return;
    }
    box.classList.add("compare-stacked");
    page.manifests.forEach(function (manifest, index) {
      var pane = document.createElement("div");
      pane.id = box.id + "-" + (index + 1);
      pane.className = "compare-pane";
      box.appendChild(pane);
      Mirador.viewer(options(page, [manifest], pane.id));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-workspace-config]").forEach(start);
  });
})();
