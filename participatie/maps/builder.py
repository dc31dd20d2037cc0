"""Build Leaflet maps with folium, using only vendored assets.

Folium's own page header (CDN links, a viewport tag that blocks zooming, full-page
styles) is never rendered: templates include the vendored Leaflet files and embed
only the map element and its script, under the page's CSP nonce.
"""

from dataclasses import dataclass

import folium
from branca.element import MacroElement
from jinja2 import Template


@dataclass(frozen=True)
class MapParts:
    html: str
    script: str
    name: str


@dataclass(frozen=True)
class Marker:
    lat: float
    lng: float
    label: str = ""


class SiteMap(folium.Map):
    """A folium Map that adds no external JS/CSS links of its own."""

    default_js: list = []
    default_css: list = []


class _Call(MacroElement):
    """Call one of our own map.js functions with the map and JSON options."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "Participatie.{{ this.function }}({{ this._parent.get_name() }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, function: str, options: dict):
        super().__init__()
        self._name = "ParticipatieCall"
        self.function = function
        self.options = options


def _base_map(center, zoom, tile_url, attribution) -> SiteMap:
    site_map = SiteMap(location=list(center), zoom_start=zoom, tiles=None, control_scale=True)
    folium.TileLayer(tiles=tile_url, attr=attribution, max_zoom=19, max_native_zoom=19).add_to(site_map)
    return site_map


def _add_wijken(site_map: SiteMap, wijken_geojson: dict, interactive: bool = True) -> None:
    """Wijk outlines. On a map you tap to choose a place they must not catch taps or keyboard focus."""
    folium.GeoJson(
        wijken_geojson,
        name="wijken",
        style_function=lambda _f: {"color": "#cc0000", "weight": 2, "fillOpacity": 0.03,
                                   "interactive": interactive},
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False) if interactive else None,
        interactive=interactive,
    ).add_to(site_map)


def _parts(site_map: SiteMap) -> MapParts:
    figure = site_map.get_root()
    figure.render()
    return MapParts(html=figure.html.render(), script=figure.script.render(), name=site_map.get_name())


def city_map(*, center, zoom, tile_url, attribution, wijken_geojson, markers_url, fit_bounds=None,
             marker_options: dict | None = None, per_view: bool = False) -> MapParts:
    """The overview map: wijk outlines plus markers.

    per_view: map.js's viewMarkers asks markers_url for each viewport (server clusters; options
    "listUrl", "phoneBounds", "startBounds"). Otherwise loadMarkers reads one GeoJSON file and
    clusters it in the browser (options "link", "{id}" replaced, and "kinds", key -> label)."""
    site_map = _base_map(center, zoom, tile_url, attribution)
    _add_wijken(site_map, wijken_geojson)
    options = {"url": markers_url, **(marker_options or {})}
    if per_view:  # viewMarkers fits the view itself, unanimated, before its first request
        options["fitBounds"] = fit_bounds
    elif fit_bounds:
        site_map.fit_bounds(fit_bounds)
    _Call("viewMarkers" if per_view else "loadMarkers", options).add_to(site_map)
    return _parts(site_map)


def point_map(*, marker: Marker, tile_url, attribution, zoom=16) -> MapParts:
    """A small map with one marker (an idea's place)."""
    site_map = _base_map((marker.lat, marker.lng), zoom, tile_url, attribution)
    # No user text goes into the inline script: the label is ours, not the title.
    folium.Marker([marker.lat, marker.lng], alt=marker.label).add_to(site_map)
    return _parts(site_map)


def picker_map(*, center, zoom, tile_url, attribution, wijken_geojson, lat_field, lng_field, start=None) -> MapParts:
    """A map to tap a place on; writes the point into two form fields."""
    site_map = _base_map(center, zoom, tile_url, attribution)
    _add_wijken(site_map, wijken_geojson, interactive=False)
    _Call("pickLocation", {"latField": lat_field, "lngField": lng_field, "start": start}).add_to(site_map)
    return _parts(site_map)
