/* Harness: the Universal Viewer on the IIIF document in ?document=; window.uvEvents records what it
   reports (created, load, error), and window.harnessViewer.set() opens another document in place. */
(function () {
  "use strict";
  var address = new URLSearchParams(window.location.search).get("document");
  window.uvEvents = [];
  var uv = UV.init("uv", { manifest: address, iiifManifestId: address, embedded: true });
  ["created", "load", "error", "openseadragonExtension.opened"].forEach(function (name) {
    uv.on(name, function (detail) { window.uvEvents.push({ name: name, detail: String(detail || "") }); });
  });
  window.harnessViewer = uv;
})();
