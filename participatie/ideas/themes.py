"""Fixed vocabularies: themes of an idea and what an idea can need."""

from flask_babel import lazy_gettext as _l

THEMES = {
    "groen": _l("Green and nature"),
    "spelen": _l("Play and youth"),
    "verkeer": _l("Traffic and cycling"),
    "ontmoeten": _l("Meeting people"),
    "schoon": _l("Clean and tidy"),
    "veilig": _l("Safety"),
    "cultuur": _l("Culture and events"),
    "sport": _l("Sport and exercise"),
    "zorg": _l("Care and help"),
    "duurzaam": _l("Sustainability"),
    "wonen": _l("Housing"),
}

NEEDS = {
    "space": _l("Space"),
    "money": _l("Money"),
    "people": _l("People"),
    "things": _l("Things"),
    "knowledge": _l("Knowledge"),
    "permission": _l("Permission"),
}
