/* Harness: a Mirador workspace (version 3 or 4, whichever bundle the page loaded) with one window per
   IIIF document named in ?documents=[...] (JSON). Tiles are fetched with CORS ("Anonymous") so the test
   can read the pixels OpenSeadragon draws. */
(function () {
  "use strict";
  var documents = JSON.parse(new URLSearchParams(window.location.search).get("documents") || "[]");
  window.harnessViewer = Mirador.viewer({
    id: "viewer",
    windows: documents.map(function (address) { return { manifestId: address }; }),
    workspace: { type: "mosaic" },
    workspaceControlPanel: { enabled: false },
    window: { sideBarOpen: false },
    osdConfig: { crossOriginPolicy: "Anonymous" },
  });
})();
