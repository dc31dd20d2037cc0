/* Participatie map helpers, called from the folium-built map script.
   User text is only ever set with textContent, never as HTML. */
(function () {
  "use strict";

  // options.link ("/socialmap/{id}") and options.kinds ({key: label}) make the markers generic;
  // without them they are ideas.
  function popupFor(feature, options) {
    var box = document.createElement("div");
    var kind = document.createElement("p");
    kind.className = "map-popup__kind";
    var kinds = options.kinds || { droom: labels().droom, idee: labels().idee };
    kind.textContent = kinds[feature.properties.k] || labels().idee;
    var link = document.createElement("a");
    link.href = (options.link || "/ideas/{id}").replace("{id}", encodeURIComponent(feature.id));
    link.textContent = feature.properties.t;
    link.className = "map-popup__title";
    markLanguage(link, feature.properties.l);
    box.appendChild(kind);
    box.appendChild(link);
    if (typeof feature.properties.s === "number") {
      var count = document.createElement("p");
      count.textContent = labels().supporters.replace("{n}", String(feature.properties.s));
      box.appendChild(count);
    }
    return box;
  }

  // The title in the language it was written in, when that is not the page's (as web.i18n.lang_attrs).
  function markLanguage(el, lang) {
    var page = document.documentElement;
    if (!lang || lang === page.lang) { return; }
    el.lang = lang;
    var dir = lang === "ar" ? "rtl" : "ltr";
    if (dir !== (page.dir || "ltr")) { el.dir = dir; }
  }

  var cachedLabels = null;
  function labels() {
    if (!cachedLabels) {
      var el = document.getElementById("map-labels");
      cachedLabels = el ? JSON.parse(el.textContent) : { droom: "Droom", idee: "Idee", supporters: "{n} steunen dit" };
    }
    return cachedLabels;
  }

  // One GeoJSON file, clustered in the browser (the social map). Marks the container ready
  // (data-map-ready, data-markers) only when the clusterer has drawn its last chunk.
  function loadMarkers(map, options) {
    var container = map.getContainer();
    var markers = [];
    var cluster = L.markerClusterGroup({
      showCoverageOnHover: false, chunkedLoading: true,
      chunkProgress: function (processed, total) {
        if (processed !== total) { return; }
        // The clusterer puts its icons on the map just after this call: mark ready on the next turn.
        window.setTimeout(function () { ready(container, markers.length, markers.length); }, 0);
      }
    });
    map.addLayer(cluster);
    fetch(options.url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        markers = data.features.map(function (feature) {
          var c = feature.geometry.coordinates;
          var marker = L.marker([c[1], c[0]], { title: feature.properties.t, alt: feature.properties.t });
          marker.bindPopup(function () { return popupFor(feature, options); }, popupOptions(map));
          return marker;
        });
        cluster.addLayers(markers);
        if (!markers.length) { ready(container, 0, 0); }
      });
  }

  // The contract with the bench and the browser tests: drawn and done.
  function ready(container, drawn, ideas) {
    container.setAttribute("data-markers", String(ideas));
    container.setAttribute("data-map-ready", String(drawn));
  }

  function isRtl() {
    return document.documentElement.dir === "rtl";
  }

  // Right to left (Arabic): the controls are mirrored, the map itself (geography) is not. Zoom
  // buttons start at the top right instead of the top left; the attribution moves to the bottom
  // left, and the scale sits just above it there (side by side they overlapped on a phone).
  // map.js is deferred and runs before the folium script (DOMContentLoaded), so every map gets it.
  if (window.L && isRtl()) {
    L.Map.addInitHook(function () {
      if (this.zoomControl) { this.zoomControl.setPosition("topright"); }
      if (this.attributionControl) {
        this.attributionControl.setPosition("bottomleft");
        this.attributionControl.getContainer().dir = "ltr";  // Latin names and links: one left-to-right line
      }
    });
    L.Control.Scale.addInitHook(function () { this.options.position = "bottomleft"; });
  }

  function isPhone() {
    return window.matchMedia && window.matchMedia("(max-width: 40em)").matches;
  }

  // A popup stays inside the map, clear of the zoom buttons, and fits a 360 px screen.
  function popupOptions(map) {
    var width = map.getContainer().clientWidth;
    var phone = isPhone(), rtl = isRtl();
    return {
      maxWidth: Math.max(160, Math.min(260, width - 72)),
      minWidth: Math.min(160, width - 72),
      autoPan: true, keepInView: true,
      // Phone: zoom buttons at the top (right; left in Arabic), so popups keep below them; wide:
      // zoom buttons top left (right in Arabic), so popups keep clear of that side.
      autoPanPaddingTopLeft: L.point(!phone && !rtl ? 56 : 12, phone ? 84 : 12),
      autoPanPaddingBottomRight: L.point(!phone && rtl ? 56 : 12, 12)
    };
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  function number(n) {
    return Number(n).toLocaleString(document.documentElement.lang || "nl");
  }

  function counted(n, more) {
    return more ? fill(labels().more || "> {n}", { n: number(n) }) : number(n);
  }

  // The inner size of a bubble: wide enough for "82.611", growing with the number of characters.
  function bubbleSize(item) {
    return Math.max(item.name ? 38 : 30, 8 + 8 * number(item.n).length);
  }

  // One round of pushing: every pair of bubbles that covers each other moves apart by half the
  // overlap each, along the line between them (sideways when they sit on the same spot).
  function pushApart(points, radius) {
    var moved = false;
    for (var a = 0; a < points.length; a++) {
      for (var b = a + 1; b < points.length; b++) {
        var apart = points[b].subtract(points[a]);
        var distance = apart.distanceTo(L.point(0, 0));
        var overlap = radius[a] + radius[b] - distance;
        if (overlap <= 0.5) { continue; }
        var step = distance < 0.01 ? L.point(overlap / 2, 0) : apart.multiplyBy(overlap / 2 / distance);
        points[a] = points[a].subtract(step);
        points[b] = points[b].add(step);
        moved = true;
      }
    }
    return moved;
  }

  // At city zoom on a phone the wijk centres lie 20 to 40 pixels apart, closer than a bubble is
  // wide. Bubbles that would cover each other are pushed apart a little until every count can be
  // read; each bubble still names and opens its own wijk.
  function spreadWijkBubbles(map, items) {
    var wijken = items.filter(function (item) { return item.type === "cluster" && item.name; });
    var points = wijken.map(function (item) { return map.latLngToContainerPoint([item.lat, item.lng]); });
    var radius = wijken.map(function (item) { return bubbleSize(item) / 2 + 2; });  // 2 px air between
    for (var round = 0; round < 60 && pushApart(points, radius); round++) { /* until nothing moves */ }
    wijken.forEach(function (item, i) {
      var place = map.containerPointToLatLng(points[i]);
      item.lat = place.lat;
      item.lng = place.lng;
    });
  }

  // A server cluster: a bubble with its count; activating it zooms to its bounds.
  function clusterMarker(map, item) {
    var size = item.n < 10 ? "small" : item.n < 100 ? "medium" : "large";
    var bubble = document.createElement("div");
    var count = document.createElement("span");
    count.textContent = number(item.n);
    bubble.appendChild(count);
    var label = item.name ? fill(labels().wijk || "{wijk}: {n}", { wijk: item.name, n: number(item.n) })
      : fill(labels().cluster || "{n}", { n: number(item.n) });
    var inner = bubbleSize(item);
    var side = inner + 10;
    bubble.style.width = bubble.style.height = inner + "px";
    bubble.style.borderRadius = inner / 2 + "px";
    count.style.lineHeight = inner + "px";
    var marker = L.marker([item.lat, item.lng], {
      title: label, keyboard: true, riseOnHover: true,
      icon: L.divIcon({ html: bubble, className: "marker-cluster marker-cluster-" + size + (item.name ? " map-wijk-bubble" : ""),
                        iconSize: L.point(side, side) })
    });
    marker.on("add", function () {
      var el = marker.getElement();
      if (el) { el.setAttribute("role", "button"); el.setAttribute("aria-label", label); }
    });
    function zoomIn() {
      var b = L.latLngBounds(item.bounds);
      var target = map.getBoundsZoom(b, false, L.point(32, 32));
      if (target <= map.getZoom()) {  // all at one spot, or no closer view: step in
        map.setView(b.getCenter(), Math.min(map.getZoom() + 2, map.getMaxZoom()));
      } else {
        map.fitBounds(b, { padding: [32, 32] });
      }
    }
    marker.on("click", zoomIn);
    marker.on("keypress", function (event) {  // Enter (or Space) on the focused bubble
      var key = event.originalEvent && event.originalEvent.key;
      if (key === "Enter" || key === " ") { zoomIn(); }
    });
    return marker;
  }

  function ideaMarker(map, item, options) {
    var feature = { id: item.id, properties: { t: item.t, k: item.k, s: item.s, l: item.l } };
    var marker = L.marker([item.lat, item.lng], { title: item.t, alt: item.t });
    marker.ideaId = item.id;
    marker.bindPopup(function () { return popupFor(feature, options); }, popupOptions(map));
    return marker;
  }

  function withArgs(url, args) {
    return url + (url.indexOf("?") < 0 ? "?" : "&") + args;
  }

  // The idea map: asks the server for each view (debounced; a newer view cancels the older
  // request), draws its clusters and ideas, and keeps the status line and the list in step.
  function viewMarkers(map, options) {
    var container = map.getContainer();
    var layer = L.featureGroup().addTo(map);
    var openMarker = null;  // its popup is open: a redraw (e.g. after the popup's own autoPan) keeps it
    layer.on("popupopen", function (event) { openMarker = event.propagatedFrom || null; });
    layer.on("popupclose", function (event) {
      var marker = event.propagatedFrom;
      if (marker && marker.stale) { layer.removeLayer(marker); }
      openMarker = null;
    });
    var status = document.getElementById("map-status");
    var list = document.getElementById("map-list");
    var controller = null, listController = null, timer = null;

    map.options.zoomSnap = 0.25;  // fit a small screen snugly: the city fills a phone's width
    // Not animated: the first request must see the fitted view.
    if (options.startBounds) {
      map.fitBounds(options.startBounds, { animate: false });
    } else if (isPhone() && options.phoneBounds) {
      map.fitBounds(options.phoneBounds, { padding: [8, 8], animate: false });
    } else if (options.fitBounds) {
      map.fitBounds(options.fitBounds, { padding: [8, 8], animate: false });
    }
    if (isPhone() && map.zoomControl) { map.zoomControl.setPosition(isRtl() ? "topleft" : "topright"); }

    function bbox() {
      var b = map.getBounds();
      return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map(function (v) { return v.toFixed(5); }).join(",");
    }

    function draw(data) {
      layer.eachLayer(function (marker) { if (marker !== openMarker) { layer.removeLayer(marker); } });
      if (openMarker) { openMarker.stale = true; }
      if (data.mode === "wijken") { spreadWijkBubbles(map, data.items); }
      data.items.forEach(function (item) {
        if (openMarker && item.type === "idea" && item.id === openMarker.ideaId) { openMarker.stale = false; return; }
        layer.addLayer(item.type === "cluster" ? clusterMarker(map, item) : ideaMarker(map, item, options));
      });
      if (status) {
        status.textContent = fill(labels().status || "{placed}", {
          placed: counted(data.total, data.totalMore), unplaced: counted(data.unlocated, data.unlocatedMore) });
      }
      ready(container, data.items.length, data.total);
    }

    function refreshList(area) {
      if (!list || !options.listUrl) { return; }
      if (listController) { listController.abort(); }
      listController = new AbortController();
      fetch(withArgs(options.listUrl, "bbox=" + area), { signal: listController.signal, headers: { "HX-Request": "true" } })
        .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.text(); })
        .then(function (html) {
          // Server-rendered and escaped by Jinja: the same partial the page itself includes.
          var next = new DOMParser().parseFromString(html, "text/html").getElementById("map-list");
          if (next) { list.replaceWith(next); list = next; }
        })
        .catch(function () { /* the list keeps what it showed */ });
    }

    function ask() {
      if (controller) { controller.abort(); }
      controller = new AbortController();
      var area = bbox();
      fetch(withArgs(options.url, "bbox=" + area + "&zoom=" + Math.round(map.getZoom())),
            { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
        .then(function (data) { draw(data); refreshList(area); })
        .catch(function (error) {
          if (error.name !== "AbortError" && status) { status.textContent = labels().failed || ""; }
        });
    }

    map.on("moveend", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 250);
    });
    ask();
  }

  function pickLocation(map, options) {
    var lat = document.getElementById(options.latField);
    var lng = document.getElementById(options.lngField);
    var status = document.getElementById("place-status");
    var useButton = document.getElementById("use-location");
    var clearButton = document.getElementById("clear-location");
    var marker = null;

    function set(latlng, pan) {
      lat.value = latlng.lat.toFixed(6);
      lng.value = latlng.lng.toFixed(6);
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
      if (pan) { map.setView(latlng, 16); }
      if (status) { status.textContent = labels().chosen || "Plek gekozen."; }
      if (clearButton) { clearButton.hidden = false; }
      lat.dispatchEvent(new Event("change", { bubbles: true }));  // listeners (htmx) see the new place
    }

    if (options.start) { set(L.latLng(options.start[0], options.start[1]), true); }
    map.on("click", function (event) { set(event.latlng, false); });

    if (useButton && "geolocation" in navigator) {
      useButton.hidden = false;
      useButton.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(
          function (pos) { set(L.latLng(pos.coords.latitude, pos.coords.longitude), true); },
          function () { if (status) { status.textContent = labels().noLocation || ""; } }
        );
      });
    }
    if (clearButton) {
      clearButton.addEventListener("click", function () {
        lat.value = ""; lng.value = "";
        if (marker) { map.removeLayer(marker); marker = null; }
        if (status) { status.textContent = labels().cleared || ""; }
        clearButton.hidden = true;
        lat.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
  }

  window.Participatie = { loadMarkers: loadMarkers, viewMarkers: viewMarkers, pickLocation: pickLocation };
})();
