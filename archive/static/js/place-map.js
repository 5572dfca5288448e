// Turns a list of places (an exhibition's, the home page's) into a Leaflet map: a hidden box with
// data-map-tiles followed by the list, whose entries carry data-lat/-lon/-url and a link. The list stays
// on the page: if the tiles cannot load (offline, blocked tile server) the map is hidden again. An entry
// with data-count gets a marker showing that number.
(function () {
  function build(box) {
    const list = box.nextElementSibling;
    const points = Array.from(list.querySelectorAll("li[data-lat]")).map((entry) => ({
      lat: parseFloat(entry.dataset.lat), lon: parseFloat(entry.dataset.lon),
      url: entry.dataset.url, title: entry.querySelector("a").textContent, count: entry.dataset.count,
    })).filter((point) => Number.isFinite(point.lat) && Number.isFinite(point.lon));
    if (!points.length || typeof L === "undefined") return;
    box.hidden = false;
    // Static files get hashed names in production: Leaflet cannot guess its marker images from its CSS.
    if (box.dataset.leafletImages) L.Icon.Default.imagePath = box.dataset.leafletImages;
    const map = L.map(box, { scrollWheelZoom: false });
    const tiles = L.tileLayer(box.dataset.mapTiles, { attribution: box.dataset.mapAttribution, maxZoom: 19 });
    let failures = 0;
    tiles.on("tileerror", () => { failures += 1; if (failures >= 4) { map.remove(); box.hidden = true; } });
    tiles.addTo(map);
    const markers = points.map((point) => {
      const link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.title;
      return L.marker([point.lat, point.lon], markerOptions(point)).bindPopup(link);
    });
    const group = L.featureGroup(markers).addTo(map);
    map.fitBounds(group.getBounds().pad(0.2), { maxZoom: 17 });
  }
  // A place with data-count (the search's map view) shows how many items it holds on its marker.
  function markerOptions(point) {
    if (!point.count) return { title: point.title, alt: point.title };
    const badge = document.createElement("span");
    badge.setAttribute("aria-hidden", "true");
    badge.textContent = point.count;
    const size = 22 + 4 * String(point.count).length;
    const icon = L.divIcon({ className: "place-marker", html: badge, iconSize: [size, size] });
    return { icon: icon, title: `${point.title} (${point.count})` };
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-map-tiles]").forEach(build);
  });
})();
