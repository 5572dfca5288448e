// Keeps the "part in view" link of an item page pointing at a citable detail: the image shown and the
// region of it in view, in full-size pixels, clipped to the image.
(function () {
  function regionInView(osd) {
    var item = osd.world.getItemAt(0);
    if (!item) { return null; }
    var size = item.getContentSize();
    var rect = item.viewportToImageRectangle(osd.viewport.getBounds(true));
    var x = Math.max(0, Math.round(rect.x)), y = Math.max(0, Math.round(rect.y));
    var w = Math.min(size.x, Math.round(rect.x + rect.width)) - x;
    var h = Math.min(size.y, Math.round(rect.y + rect.height)) - y;
    return w > 0 && h > 0 ? [x, y, w, h].join(",") : null;
  }

  window.addEventListener("load", function () {
    document.querySelectorAll(".detail-link[data-inventory]").forEach(function (box) {
      var entry = (window.archiveViewers || {})[box.dataset.inventory];
      if (!entry) { return; }
      var osd = entry.viewer, link = box.querySelector("a");
      var update = function () {
        var region = regionInView(osd);
        if (!region) { return; }
        var page = (osd.currentPage ? osd.currentPage() : 0) + 1;
        link.href = box.dataset.base + page + "/" + region + "/";
        box.hidden = false;
      };
      osd.addHandler("animation-finish", update);
      osd.addHandler("open", update);
      update();
    });
  });
})();
