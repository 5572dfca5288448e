/* Harness: one OpenSeadragon viewer per info.json in ?sources=[...] (JSON), drawn on a 2D canvas with
   CORS tiles so the test can read the pixels; window.harnessViewers holds them in order. */
(function () {
  "use strict";
  var sources = JSON.parse(new URLSearchParams(window.location.search).get("sources") || "[]");
  var box = document.getElementById("viewers");
  window.harnessViewers = sources.map(function (source, index) {
    var element = document.createElement("div");
    element.id = "viewer-" + index;
    element.className = "viewer";
    box.appendChild(element);
    return OpenSeadragon({
      element: element,
      tileSources: source,
      drawer: "canvas",
      crossOriginPolicy: "Anonymous",
      showNavigationControl: false,
    });
  });
})();
