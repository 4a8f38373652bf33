// Draw the events listed on an events page on a Leaflet map. The list itself says the same in
// words, so the map stays hidden when this script or Leaflet cannot run. Marker data comes from
// a json_script element (no inline script, as our Content Security Policy requires).
(function () {
  "use strict";

  const container = document.getElementById("events-map");
  const source = container && document.getElementById(container.dataset.mapData);
  if (!source || typeof window.L === "undefined") {
    return;
  }
  const data = JSON.parse(source.textContent);
  if (!data.events.length) {
    return;
  }

  container.hidden = false;
  const map = window.L.map(container, { scrollWheelZoom: false });
  window.L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  // Our own icon with URLs from Django's static files: Leaflet's guess from its stylesheet
  // fails once the file names carry a hash.
  const icon = window.L.icon({
    ...data.icon,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });

  function popupFor(event) {
    const popup = document.createElement("div");
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = event.url;
    link.textContent = event.title;
    const when = document.createElement("p");
    when.className = "hub-map__when";
    when.textContent = event.place ? `${event.when}, ${event.place}` : event.when;
    popup.append(link, when);
    return popup;
  }

  // Markers are for pointers only: keyboard and screen reader users have the same links in the
  // list, without a tab stop per marker (and markers close together would be too small a target).
  const points = data.events.map((event) => {
    const point = [event.lat, event.lng];
    window.L.marker(point, { icon, title: event.title, alt: event.title, keyboard: false })
      .bindPopup(popupFor(event))
      .addTo(map);
    return point;
  });
  map.fitBounds(points, { padding: [32, 32], maxZoom: 12 });
})();
