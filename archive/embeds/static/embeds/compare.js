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

  function start(box) {
    var page = JSON.parse(document.getElementById(box.dataset.workspaceConfig).textContent);
    if (typeof Mirador === "undefined") return;
    box.hidden = false;
    Mirador.viewer({
      id: box.id,
      language: page.language,
      translations: { lt: LITHUANIAN },
      windows: page.manifests.map(function (manifest) { return { manifestId: manifest }; }),
      // The comparison is the set of items in the address: no adding, closing or importing windows.
      workspace: { type: "mosaic", allowNewWindows: false },
      workspaceControlPanel: { enabled: false },
      window: {
        allowClose: false,
        sideBarOpen: false,
        // Curators' notes on details arrive as commenting annotations; there is no search service.
        panels: { annotations: true, search: false },
      },
      theme: { palette: { primary: { main: "#0b5c8a" }, secondary: { main: "#0b5c8a" } } },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-workspace-config]").forEach(start);
  });
})();
