"""The site's names and slugs for Utrecht's 10 wijken, keyed by CBS code."""

from dataclasses import dataclass


@dataclass(frozen=True)
class WijkName:
    code: str
    name: str
    slug: str


UTRECHT_WIJKEN = [
    WijkName("WK034401", "West", "west"),
    WijkName("WK034402", "Noordwest", "noordwest"),
    WijkName("WK034403", "Overvecht", "overvecht"),
    WijkName("WK034404", "Noordoost", "noordoost"),
    WijkName("WK034405", "Oost", "oost"),
    WijkName("WK034406", "Binnenstad", "binnenstad"),
    WijkName("WK034407", "Zuid", "zuid"),
    WijkName("WK034408", "Zuidwest", "zuidwest"),
    WijkName("WK034409", "Leidsche Rijn", "leidsche-rijn"),
    WijkName("WK034410", "Vleuten-De Meern", "vleuten-de-meern"),
]
NAMES_BY_CODE = {w.code: w for w in UTRECHT_WIJKEN}
