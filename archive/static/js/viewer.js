/* Deep-zoom viewers (OpenSeadragon on our IIIF Image API), then/now sliders and embed-code copy buttons.
   Each viewer reads its settings and translated labels from a json_script element; no framework. */
(function () {
  "use strict";

  var viewers = (window.archiveViewers = window.archiveViewers || {});

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, key) { return values[key]; });
  }

  function makeButton(label, symbol, onClick) {
    var button = document.createElement("button");
    var icon = document.createElement("span");
    button.type = "button";
    button.className = "viewer-button";
    button.title = label;
    button.setAttribute("aria-label", label);
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = symbol;
    button.appendChild(icon);
    button.addEventListener("click", onClick);
    return button;
  }

  function toggleFullScreen(element) {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (element.requestFullscreen) {
      element.requestFullscreen().catch(function () { element.classList.toggle("viewer-fullpage"); });
    } else {
      // Browsers without the Fullscreen API (iPhone Safari) get a page-filling viewer instead.
      element.classList.toggle("viewer-fullpage");
    }
  }

  // Built before the viewer opens: adding it later would shrink the canvas under a deep-linked region.
  function buildToolbar(element, config, viewer) {
    var labels = config.labels;
    var viewport = function () { return viewer().viewport; };
    var toolbar = element.querySelector(".viewer-toolbar");
    toolbar.setAttribute("aria-label", labels.toolbar);
    var buttons = [
      makeButton(labels.zoomIn, "+", function () { viewport().zoomBy(1.5); viewport().applyConstraints(); }),
      makeButton(labels.zoomOut, "\u2212", function () { viewport().zoomBy(1 / 1.5); viewport().applyConstraints(); }),
      makeButton(labels.home, "\u2302", function () { viewport().goHome(); }),
      makeButton(labels.rotateLeft, "\u21ba", function () { viewport().setRotation(viewport().getRotation() - 90); }),
      makeButton(labels.rotateRight, "\u21bb", function () { viewport().setRotation(viewport().getRotation() + 90); }),
    ];
    var full = makeButton(labels.fullScreen, "\u2922", function () { toggleFullScreen(element); });
    full.setAttribute("aria-pressed", "false");
    document.addEventListener("fullscreenchange", function () {
      full.setAttribute("aria-pressed", String(document.fullscreenElement === element));
    });
    buttons.push(full);
    var sequence = null;
    if (config.images.length > 1) {
      sequence = {
        previous: makeButton(labels.previous, "\u2039", function () { viewer().goToPage(viewer().currentPage() - 1); }),
        next: makeButton(labels.next, "\u203a", function () { viewer().goToPage(viewer().currentPage() + 1); }),
      };
      buttons.push(sequence.previous, sequence.next);
    }
    buttons.forEach(function (button) { toolbar.appendChild(button); });
    showPosition(element, config, config.initialPage, sequence);
    return sequence;
  }

  function showPosition(element, config, page, sequence) {
    var image = config.images[page];
    var text = image.caption || image.alt;
    if (sequence) {
      text = format(config.labels.position, { current: page + 1, total: config.images.length }) + ": " + text;
      sequence.previous.disabled = page === 0;
      sequence.next.disabled = page === config.images.length - 1;
    }
    element.querySelector(".viewer-status").textContent = text;
  }

  function goToRegion(osd, region) {
    var item = osd.world.getItemAt(0);
    var rect = item.imageToViewportRectangle(region[0], region[1], region[2], region[3]);
    osd.viewport.fitBounds(rect, true);
  }

  function createViewer(element) {
    var config = JSON.parse(document.getElementById(element.dataset.viewerConfig).textContent);
    var fallback = element.parentElement.querySelector(".viewer-fallback");
    if (!window.OpenSeadragon || !config.images.length) { return; }
    // Swap before opening, so the viewer's size does not change under a deep-linked region.
    element.hidden = false;
    if (fallback) { fallback.hidden = true; }
    var osd = null;
    var sequence = buildToolbar(element, config, function () { return osd; });
    osd = window.OpenSeadragon({
      element: element.querySelector(".viewer-canvas"),
      prefixUrl: config.prefixUrl,
      tileSources: config.images.map(function (image) { return image.info; }),
      sequenceMode: config.images.length > 1,
      initialPage: config.initialPage,
      showNavigationControl: false,
      showSequenceControl: false,
      // The 2D canvas drawer works without a GPU and lets tests read the drawn pixels.
      drawer: "canvas",
      crossOriginPolicy: "Anonymous",
      maxZoomPixelRatio: 2,
      visibilityRatio: 0.5,
    });
    osd.canvas.setAttribute("role", "application");
    osd.canvas.setAttribute("aria-label", format(config.labels.viewer, { title: config.title }));
    osd.canvas.setAttribute("aria-describedby", element.querySelector(".viewer-keys").id);
    var region = config.region;
    osd.addHandler("open", function () {
      if (region) { goToRegion(osd, region); region = null; }
    });
    osd.addHandler("open-failed", function () {
      element.hidden = true;
      if (fallback) { fallback.hidden = false; }
    });
    if (sequence) {
      osd.addHandler("page", function (event) { showPosition(element, config, event.page, sequence); });
    }
    viewers[config.inventory] = {
      viewer: osd,
      element: element,
      // The part of the image in view, in full-size image pixels: what deep links are checked against.
      imageBounds: function () {
        var item = osd.world.getItemAt(0);
        if (!item) { return null; }
        var rect = item.viewportToImageRectangle(osd.viewport.getBounds(true));
        return { x: rect.x, y: rect.y, w: rect.width, h: rect.height };
      },
    };
  }

  function setUpThenNow(figure) {
    var range = figure.querySelector("input[type=range]");
    var update = function () { figure.style.setProperty("--reveal", range.value + "%"); };
    range.addEventListener("input", update);
    update();
    figure.hidden = false;
  }

  function setUpCopyButton(button) {
    var source = document.getElementById(button.dataset.copyTarget);
    var status = document.getElementById(button.dataset.copyStatus);
    var copied = function () { status.textContent = button.dataset.copied; };
    var copyBySelection = function () {
      source.select();
      status.textContent = document.execCommand("copy") ? button.dataset.copied : button.dataset.copyFailed;
    };
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(copied, copyBySelection);
      } else {
        copyBySelection();
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    var page = document.querySelector(".viewer-fullpage");
    if (event.key === "Escape" && page) { page.classList.remove("viewer-fullpage"); }
  });
  document.querySelectorAll("[data-viewer-config]").forEach(createViewer);
  document.querySelectorAll("[data-then-now]").forEach(setUpThenNow);
  document.querySelectorAll("[data-copy-target]").forEach(setUpCopyButton);
})();
