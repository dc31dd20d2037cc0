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
    box.appendChild(kind);
    box.appendChild(link);
    if (typeof feature.properties.s === "number") {
      var count = document.createElement("p");
      count.textContent = labels().supporters.replace("{n}", String(feature.properties.s));
      box.appendChild(count);
    }
    return box;
  }

  function labels() {
    var el = document.getElementById("map-labels");
    return el ? JSON.parse(el.textContent) : { droom: "Droom", idee: "Idee", supporters: "{n} steunen dit" };
  }

  function loadMarkers(map, options) {
    // data-map-ready="<markers>" once the clusterer has handled the last chunk and put its icons
    // on the map (it calls chunkProgress just before that, hence the timeout): `make bench` waits for it.
    var cluster = L.markerClusterGroup({
      showCoverageOnHover: false, chunkedLoading: true,
      chunkProgress: function (processed, total) {
        if (processed !== total) { return; }
        window.setTimeout(function () { map.getContainer().setAttribute("data-map-ready", String(total)); }, 0);
      }
    });
    map.addLayer(cluster);
    fetch(options.url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var markers = data.features.map(function (feature) {
          var c = feature.geometry.coordinates;
          var marker = L.marker([c[1], c[0]], { title: feature.properties.t, alt: feature.properties.t });
          marker.bindPopup(function () { return popupFor(feature, options); });
          return marker;
        });
        cluster.addLayers(markers);
        map.getContainer().setAttribute("data-markers", String(markers.length));
      });
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

  window.Participatie = { loadMarkers: loadMarkers, pickLocation: pickLocation };
})();
