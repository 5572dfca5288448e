/* The admin's region picker (archive/catalogue/region_picker.py). Under each x,y,w,h field marked
   data-region-picker, a button shows the image in OpenSeadragon; dragging across it draws the rectangle
   and fills the field, and typing in the field moves the rectangle. The field is the value: the server
   checks it (catalogue/regions.py), this only draws it. Fields added later (new inline rows, new
   StreamField blocks) are picked up as they appear. */
(function () {
  "use strict";

  const PATTERN = /^\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$/;

  function parseRegion(text) {
    const match = PATTERN.exec(text || "");
    if (!match) return null;
    const [x, y, w, h] = match.slice(1).map(Number);
    return w > 0 && h > 0 ? { x, y, w, h } : null;
  }

  function byName(scope, name) {
    return scope.querySelector(`[name="${CSS.escape(name)}"]`);
  }

  /* The form's own images in the editor's order (detail notes): what the server's form checks too. */
  function formImage(scope, number) {
    const total = parseInt((byName(scope, "images-TOTAL_FORMS") || {}).value, 10) || 0;
    const rows = [];
    for (let index = 0; index < total; index++) {
      const image = byName(scope, `images-${index}-image`);
      const deleted = byName(scope, `images-${index}-DELETE`);
      const order = byName(scope, `images-${index}-ORDER`);
      if (!image || !/^\d+$/.test(image.value)) continue;
      if (deleted && (deleted.checked || deleted.value === "1")) continue;
      rows.push({ id: image.value, order: parseInt(order && order.value, 10) || 0, index });
    }
    rows.sort((a, b) => a.order - b.order || a.index - b.index);
    return rows[number - 1] ? `image=${rows[number - 1].id}` : null;
  }

  /* The query naming the image the region is on, or null while there is none to show. */
  function imageQuery(input) {
    const scope = input.form || document;
    const prefix = input.name.slice(0, -"region".length);
    const numberInput = byName(scope, `${prefix}image_number`);
    const number = parseInt(numberInput ? numberInput.value : "1", 10);
    if (!(number >= 1)) return null;
    if (input.dataset.regionPicker === "item") {
      const item = byName(scope, `${prefix}item`);
      return item && /^\d+$/.test(item.value) ? `item=${item.value}&number=${number}` : null;
    }
    return formImage(scope, number);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text) {
    const node = element("button", "button button-small button-secondary", text);
    node.type = "button";
    return node;
  }

  class Picker {
    constructor(input) {
      this.input = input;
      this.labels = JSON.parse(input.dataset.regionPickerLabels);
      this.viewer = null;
      this.query = null;
      this.size = null;
      this.start = null;
      this.drawing = true;
      this.rect = element("div", "region-picker-rect");
      this.build();
      input.addEventListener("input", () => this.show(parseRegion(input.value)));
      (input.form || document).addEventListener("change", (event) => {
        if (event.target !== input && !this.panel.hidden) this.load();
      });
    }

    build() {
      this.toggle = button(this.labels.open);
      this.toggle.setAttribute("aria-expanded", "false");
      this.panel = element("div", "region-picker-panel");
      this.panel.hidden = true;
      this.mode = button(this.labels.draw);
      this.mode.setAttribute("aria-pressed", "true");
      this.canvas = element("div", "region-picker-canvas");
      this.canvas.setAttribute("role", "group");
      this.canvas.setAttribute("aria-label", this.labels.viewer);
      this.status = element("p", "region-picker-status");
      this.status.setAttribute("role", "status");
      this.panel.append(element("p", "help", this.labels.help), this.mode, this.canvas, this.status);
      const box = element("div", "region-picker");
      box.append(this.toggle, this.panel);
      this.input.after(box);
      this.toggle.addEventListener("click", () => this.setOpen(this.panel.hidden));
      this.mode.addEventListener("click", () => {
        this.drawing = !this.drawing;
        this.mode.setAttribute("aria-pressed", String(this.drawing));
      });
    }

    setOpen(open) {
      this.panel.hidden = !open;
      this.toggle.textContent = open ? this.labels.close : this.labels.open;
      this.toggle.setAttribute("aria-expanded", String(open));
      if (open) this.load();
    }

    setState(state, message) {
      this.panel.dataset.state = state;
      this.status.textContent = message || "";
    }

    load() {
      const query = imageQuery(this.input);
      if (query && query === this.query && this.viewer) return;
      this.close();
      this.query = query;
      if (!query) return this.setState("no-image", this.labels.noImage);
      this.setState("loading", this.labels.loading);
      fetch(`${this.input.dataset.regionPickerUrl}?${query}`, { credentials: "same-origin" })
        .then((response) => response.json().then((body) => {
          if (!response.ok) throw new Error(body.error || this.labels.failed);
          return body;
        }))
        .then((info) => { if (query === this.query) this.open(info); })
        .catch((error) => this.setState("failed", error.message || this.labels.failed));
    }

    close() {
      if (this.viewer) this.viewer.destroy();
      this.viewer = null;
      this.canvas.replaceChildren();
    }

    open(info) {
      this.size = info;
      this.viewer = OpenSeadragon({
        element: this.canvas,
        tileSources: info.info,
        prefixUrl: this.input.dataset.regionPickerIcons,
        gestureSettingsMouse: { clickToZoom: false },
        gestureSettingsTouch: { clickToZoom: false },
        visibilityRatio: 1,
      });
      this.viewer.addHandler("open", () => {
        this.setState("ready");
        this.show(parseRegion(this.input.value));
      });
      this.viewer.addHandler("open-failed", () => this.setState("failed", this.labels.failed));
      this.viewer.addHandler("canvas-press", (event) => this.press(event));
      this.viewer.addHandler("canvas-drag", (event) => this.drag(event));
      this.viewer.addHandler("canvas-release", (event) => this.release(event));
      this.viewer.addHandler("canvas-click", (event) => { if (this.drawing) event.preventDefaultAction = true; });
    }

    toImage(position) {
      const point = this.viewer.viewport.viewerElementToImageCoordinates(position);
      return {
        x: Math.min(Math.max(point.x, 0), this.size.width),
        y: Math.min(Math.max(point.y, 0), this.size.height),
      };
    }

    between(a, b) {
      const x = Math.round(Math.min(a.x, b.x));
      const y = Math.round(Math.min(a.y, b.y));
      const w = Math.round(Math.max(a.x, b.x)) - x;
      const h = Math.round(Math.max(a.y, b.y)) - y;
      return w > 0 && h > 0 ? { x, y, w, h } : null;
    }

    press(event) {
      if (!this.drawing) return;
      event.preventDefaultAction = true;
      this.start = this.toImage(event.position);
    }

    drag(event) {
      if (!this.drawing || !this.start) return;
      event.preventDefaultAction = true;
      const region = this.between(this.start, this.toImage(event.position));
      if (region) this.place(region);
    }

    release(event) {
      if (!this.drawing || !this.start) return;
      event.preventDefaultAction = true;
      const region = this.between(this.start, this.toImage(event.position));
      this.start = null;
      if (!region) return;
      this.input.value = `${region.x},${region.y},${region.w},${region.h}`;
      this.input.dispatchEvent(new Event("input", { bubbles: true }));
      this.input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    place(region) {
      const location = this.viewer.viewport.imageToViewportRectangle(region.x, region.y, region.w, region.h);
      if (this.viewer.getOverlayById(this.rect)) this.viewer.updateOverlay(this.rect, location);
      else this.viewer.addOverlay({ element: this.rect, location });
    }

    /* The typed region as a rectangle (none while the text is not a region). */
    show(region) {
      if (!this.viewer || !this.viewer.world.getItemCount()) return;
      if (region) this.place(region);
      else this.viewer.removeOverlay(this.rect);
    }
  }

  function attachAll() {
    document.querySelectorAll("input[data-region-picker]:not([data-region-picker-ready])").forEach((input) => {
      input.dataset.regionPickerReady = "1";
      new Picker(input);
    });
  }

  attachAll();
  document.addEventListener("DOMContentLoaded", attachAll);
  new MutationObserver(attachAll).observe(document.documentElement, { childList: true, subtree: true });
})();
