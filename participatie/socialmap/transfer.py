"""Import and export of the social map as CSV or GeoJSON (the column set is in README.md).

An import reads every row first. When any row cannot be used, nothing changes and the report says
which rows and why; otherwise all rows are saved in one transaction. `preview_file` does the same
checks and writes nothing: the makelaar sees what would happen before pressing "Importeren".
"""

import csv
import io
import json
import math
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from participatie.accounts.rules import is_admin
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.input import MAX_ID, strip_control
from participatie.web.spreadsheet import safe_cell, unquote_cell
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas.themes import THEMES
from participatie.socialmap import rules, services
from participatie.socialmap.geojson import safe_json
from participatie.socialmap.models import SocialMapEntry
from participatie.socialmap.vocab import AUDIENCE_WORDS, COST_WORDS, KIND_WORDS, EntryKind

COLUMNS = ["id", "kind", "name", "description", "themes", "wijk", "address", "lat", "lng", "phone", "email",
           "website", "times", "evening", "weekend", "cost", "step_free", "languages", "signup_needed",
           "suitable_for"]
BOOLEANS = ("evening", "weekend", "step_free", "signup_needed")
TRUE, FALSE = {"1", "ja", "yes", "true", "waar", "j", "y", "x"}, {"", "0", "nee", "no", "false", "onwaar", "n"}
MAX_ROWS = 5000
PREVIEW_ROWS = 10


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not CSV/GeoJSON, no name column, too many rows)."""


@dataclass
class PreviewRow:
    """One row as it would be saved, for the table in the preview."""

    number: int
    entry_id: int | None  # the entry it changes; None: a new entry
    name: str
    kind: EntryKind
    wijk: str
    address: str


@dataclass
class ImportReport:
    created: int = 0  # in a preview: how many would be created
    updated: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row number, message)
    preview: list[PreviewRow] = field(default_factory=list)  # the first rows that can be used

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading -------------------------------------------------------------------------------------

def read_csv(text: str) -> list[tuple[int, dict]]:
    """(line number, row) pairs; ';' or ',' as separator (Dutch Excel writes ';')."""
    text = text.lstrip("\ufeff")
    try:
        return _csv_rows(csv.DictReader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error:
        raise ImportFileError(_("We cannot read this file as CSV. Save it again as CSV (UTF-8).")) from None


def _delimiter(text: str) -> str:
    """Only the separator is guessed (from the first line); quotes are read as Excel writes them."""
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,\t").delimiter
    except csv.Error:
        return ","


def _csv_rows(reader: csv.DictReader) -> list[tuple[int, dict]]:
    headers = [(h or "").strip().lower() for h in reader.fieldnames or []]
    if "name" not in headers:
        raise ImportFileError(_("The file has no column “name”. Check the first line."))
    reader.fieldnames = headers
    return [(reader.line_num, {k: unquote_cell((v or "").strip()) for k, v in row.items()
                               if isinstance(k, str) and k and isinstance(v, str)}) for row in reader]


def _json(text: str):
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested thousands of levels deep
        raise ImportFileError(_("This is not a GeoJSON FeatureCollection.")) from None


def read_geojson(text: str) -> list[tuple[int, dict]]:
    data = _json(text)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise ImportFileError(_("This is not a GeoJSON FeatureCollection."))
    if len(features) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows. Split it up.", max=MAX_ROWS))
    try:
        return [(number, _feature_row(number, feature)) for number, feature in enumerate(features, start=1)]
    except RecursionError:  # a property nested too deep to write out
        raise ImportFileError(_("This is not a GeoJSON FeatureCollection.")) from None


def _feature_row(number: int, feature) -> dict:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(feature, dict) or not isinstance(properties or {}, dict):
        raise ImportFileError(_("Feature %(number)d is not a GeoJSON Feature with properties.", number=number))
    props = {str(k): "" if v is None else str(v).strip() for k, v in (properties or {}).items()}
    geometry = feature.get("geometry")
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if coordinates and geometry.get("type") == "Point" and isinstance(coordinates, list) and len(coordinates) >= 2:
        props["lng"], props["lat"] = (str(c) for c in coordinates[:2])
    if feature.get("id") is not None and not props.get("id"):
        props["id"] = str(feature["id"])
    return props


# --- one row -------------------------------------------------------------------------------------

def _word(value: str, words: dict) -> str:
    value = value.strip().lower()
    return words.get(value, value)


def _bool(row: dict, name: str) -> bool:
    value = row.get(name, "").lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise DomainValidationError(_("Column %(column)s: write yes or no.", column=name))


def _float(value: str) -> float | None:
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise DomainValidationError(_("Latitude and longitude must be numbers."))
    return number


def _wijk_slug(value: str) -> str | None:
    value = value.strip().lower()
    for wijk in geo.all_wijken():
        if value in (wijk.slug, wijk.name.lower()):
            return wijk.slug
    return value or None


def _themes(value: str) -> list[str]:
    labels = {str(label).lower(): key for key, label in THEMES.items()}
    parts = [p.strip().lower() for p in value.replace("|", ";").replace(",", ";").split(";") if p.strip()]
    return list(dict.fromkeys(labels.get(p, p) for p in parts))  # each theme once


def row_input(row: dict) -> services.EntryInput:
    lat, lng = _float(row.get("lat", "")), _float(row.get("lng", ""))
    if (lat is None) != (lng is None):
        raise DomainValidationError(_("Fill in both latitude and longitude, or neither."))
    data = services.EntryInput(
        kind=_word(row.get("kind", ""), KIND_WORDS), name=row.get("name", ""), description=row.get("description", ""),
        themes=_themes(row.get("themes", "")), wijk_slug=_wijk_slug(row.get("wijk", "")), lat=lat, lng=lng,
        address=row.get("address", ""), phone=row.get("phone", ""), email=row.get("email", ""),
        website=row.get("website", ""), times=row.get("times", ""), languages=row.get("languages", ""),
        cost=_word(row.get("cost", "") or "free", COST_WORDS),
        suitable_for=_word(row.get("suitable_for", "") or "everyone", AUDIENCE_WORDS),
        **{name: _bool(row, name) for name in BOOLEANS},
    )
    services.validate(data)
    return data


def _existing(actor, row: dict) -> SocialMapEntry | None:
    if not row.get("id"):
        return None
    try:
        number = int(row["id"])
    except ValueError:
        raise DomainValidationError(_("Column id: use the number from an export, or leave it empty.")) from None
    entry = db.session.get(SocialMapEntry, number) if 1 <= number <= MAX_ID else None
    if entry is None:
        raise DomainValidationError(_("There is no entry with number %(id)s.", id=row["id"]))
    return entry


def _check_row(actor, row: dict):
    data = row_input(row)
    wijk = services.place_of(data)[0]
    entry = _existing(actor, row)
    allowed = rules.can_curate_wijk(actor, wijk.id) and (entry is None or rules.can_edit_entry(actor, entry))
    if not allowed:
        raise DomainValidationError(_("Wijk %(wijk)s is not one of your wijken.", wijk=wijk.name))
    return data, entry, wijk


def _count(report: ImportReport, number: int, data, entry, wijk) -> None:
    if entry is None:
        report.created += 1
    else:
        report.updated += 1
    if len(report.preview) < PREVIEW_ROWS:
        report.preview.append(PreviewRow(number, entry.id if entry else None, data.name.strip(),
                                         EntryKind(data.kind), wijk.name, data.address.strip()))


def check_rows(actor, rows: list[tuple[int, dict]]):
    """(report, usable rows): every row checked, nothing written."""
    if not rules.is_curator(actor):
        raise NotAllowed("import")
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows. Split it up.", max=MAX_ROWS))
    report, checked = ImportReport(), []
    for number, row in rows:
        try:
            data, entry, wijk = _check_row(actor, row)
        except DomainValidationError as exc:
            report.problems.append((number, exc.message))
            continue
        checked.append((data, entry))
        _count(report, number, data, entry, wijk)
    if not rows:
        report.problems.append((0, _("The file has no rows.")))
    return report, checked


def _save(actor, checked) -> None:
    for data, entry in checked:
        if entry is None:
            services.create_entry(actor, data, commit=False, action="imported")
        else:
            services.edit_entry(actor, entry, data, commit=False, action="imported")


def import_rows(actor, rows: list[tuple[int, dict]]) -> ImportReport:
    """All or nothing: any problem -> nothing saved and every problem reported."""
    report, checked = check_rows(actor, rows)
    if report.problems:
        db.session.rollback()
        return report
    try:
        _save(actor, checked)
    except (DomainValidationError, NotAllowed):
        db.session.rollback()
        raise
    db.session.commit()
    return report


def read_file(filename: str, content: bytes) -> list[tuple[int, dict]]:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")  # Excel on Windows
    text = strip_control(text)  # NUL and friends: as in every form field (web.input)
    return read_geojson(text) if is_geojson(filename, text) else read_csv(text)


def is_geojson(filename: str, text: str) -> bool:
    return filename.lower().endswith((".geojson", ".json")) or text.lstrip("\ufeff \t\r\n").startswith("{")


def preview_file(actor, filename: str, content: bytes) -> ImportReport:
    """What an import of this file would do. Writes nothing."""
    return check_rows(actor, read_file(filename, content))[0]


def import_file(actor, filename: str, content: bytes) -> ImportReport:
    return import_rows(actor, read_file(filename, content))


# --- export --------------------------------------------------------------------------------------

def _row_of(entry: SocialMapEntry) -> dict:
    row = {"id": entry.id, "kind": entry.kind.value, "name": entry.name, "description": entry.description,
           "themes": ";".join(entry.themes), "wijk": entry.wijk.slug, "address": entry.address,
           "lat": "" if entry.lat is None else entry.lat, "lng": "" if entry.lng is None else entry.lng,
           "phone": entry.phone, "email": entry.email, "website": entry.website, "times": entry.times,
           "cost": entry.cost.value, "languages": entry.languages, "suitable_for": entry.suitable_for.value}
    row.update({name: "ja" if getattr(entry, name) else "nee" for name in BOOLEANS})
    return row


def _entries(query) -> list[SocialMapEntry]:
    return list(db.session.scalars(query))


def export_csv(query) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for entry in _entries(query):
        writer.writerow({k: safe_cell(v) for k, v in _row_of(entry).items()})
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8


def export_geojson(query) -> str:
    features = []
    for entry in _entries(query):
        props = {k: v for k, v in _row_of(entry).items() if k not in ("lat", "lng")}
        geometry = ({"type": "Point", "coordinates": [entry.lng, entry.lat]} if entry.has_location else None)
        features.append({"type": "Feature", "id": entry.id, "geometry": geometry, "properties": props})
    return safe_json({"type": "FeatureCollection", "features": features})


def all_entries_query(actor):
    """What an actor may export: their wijken (admins: everything), archived entries left out."""
    query = select(SocialMapEntry).where(SocialMapEntry.archived.is_(False))
    if not is_admin(actor):
        query = query.where(SocialMapEntry.wijk_id.in_([w.id for w in actor.wijken]))
    return query.order_by(SocialMapEntry.wijk_id, SocialMapEntry.name)
