"""'Bestaat dit al in de buurt?': similar ideas and social-map entries within walking distance.

Text similarity: Dutch Snowball stems, minus stop words, plus a small list of concepts so that
compounds and near-synonyms meet ("moestuinen" ~ "moestuin" ~ "buurttuin" ~ "groente kweken").
Ranking: the text score weighed by distance, so the closest and most similar come first; nothing
beyond walking distance, nothing below MIN_SCORE however close.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import and_, or_, select

from participatie.extensions import db
from participatie.geo.polygons import distance_m
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaStatus
from participatie.socialmap.models import SocialMapEntry

WALKING_M = 1000
MAX_RESULTS = 6
MIN_SCORE = 3
_DEG_LAT = WALKING_M / 111_000
_DEG_LNG = WALKING_M / 68_000  # at Utrecht's latitude

# Common words, and words every idea uses ("buurt", "plek"): they say nothing about the subject.
STOP = {"aan", "al", "alle", "alleen", "als", "altijd", "ander", "andere", "bij", "daar", "dan", "dat", "de", "deze", "die", "dit", "doen", "door", "dus", "een", "elk", "elke", "en", "er", "ga", "gaan", "geen", "graag", "had", "heb", "hebben", "heeft", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "ja", "je", "jij", "jullie", "kan", "kunnen", "maar", "me", "meer", "met", "mij", "mijn", "moet", "na", "naar", "niet", "nog", "nu", "of", "om", "ons", "onze", "ook", "op", "over", "te", "tegen", "toe", "tot", "u", "uit", "van", "veel", "voor", "waar", "wat", "we", "wel", "wie", "wij", "wil", "willen", "word", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zodat", "zou", "zouden", "buurt", "buurten", "wijk", "wijken", "plek", "plekken", "plaats", "straat", "plein", "mensen", "buren", "bewoners", "samen", "idee", "droom", "dromen", "utrecht", "komen", "maken", "goed", "mooi", "fijn", "nieuw", "nieuwe", "kleine", "klein", "grote", "groot", "elkaar", "iedereen", "week", "keer"}

# Utrecht's wijken and well-known buurten and parks: a place name says where, not what, so
# "Moestuin in Lombok" must not match "Buurthuis Lombok" (distance already covers the where).
PLACES = set("""west oost zuid noord noordoost noordwest zuidwest binnenstad centrum overvecht leidsche rijn
vleuten meern lombok zuilen ondiep tuindorp wittevrouwen lunetten hoograven kanaleneiland transwijk
rivierenwijk dichterswijk tolsteeg votulast pijlsweerd vogelenbuurt tuinwijk zeeheldenbuurt oudwijk
abstede rijnsweerd galgenwaard vechtzoom terwijde parkwijk langerak haarzuilens elinkwijk welgelegen
schepenbuurt sterrenwijk neude griftpark julianapark wilhelminapark majellapark maximapark máximapark
moskeeplein kanaalstraat""".split())

# Concept groups: any word (or compound ending/starting with it) maps to the group key.
CONCEPTS = {
    "garden": "moestuin moestuinen buurttuin groentetuin volkstuin schooltuin gemeenschapstuin pluktuin "
              "tuin tuinen tuinieren kweken groente groenten stadslandbouw moestuinbak kas buurtkas",
    "play": "speeltuin speelplek speelplaats speelveld spelen speeltoestel",
    "language": "taalcafé taalcafe taalles taalmaatje taal nederlands inburgering",
    "coffee": "koffieochtend koffie inloop inloopochtend ontmoetingsochtend thee",
    "food": "voedselbank maaltijd eten kookclub koken buurtmaaltijd",
    "repair": "repaircafé repaircafe repair reparatie repareren",
    "books": "bibliotheek bieb minibieb boeken boekenkast boekenruil",
    "sport": "sport sporten voetbal basketbal bewegen fitness sportveld",
    "walk": "wandelen wandelgroep wandeling",
    "homework": "huiswerk huiswerkhulp bijles",
    "elderly": "ouderen senioren eenzaamheid",
    "bench": "bankje bankjes zitbank",
    "clean": "afval zwerfvuil prikken schoonmaak opruimen",
    "house": "buurthuis wijkcentrum buurtcentrum",
}
_MIN_AFFIX = 5  # "tuin" alone must not make "speeltuin" a garden
# Words that merely end or start like a concept word ("transport" is no sport).
FALSE_FRIENDS = {"transport", "bewegwijzering"}


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer  # loaded when ideas are first compared, not per worker

    return snowballstemmer.stemmer("dutch")


def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    lexicon = {}
    for concept, words in CONCEPTS.items():
        for word in words.split():
            lexicon[word] = concept
            lexicon[_stem(word)] = concept
    return lexicon


def _concepts_of(word: str, stem: str) -> set[str]:
    lexicon = _lexicon()
    for form in (word, stem):
        if form in lexicon:
            return {lexicon[form]}
    if word in FALSE_FRIENDS:
        return set()
    return {concept for known, concept in lexicon.items() if len(known) >= _MIN_AFFIX and len(word) > len(known)
            and (word.endswith(known) or word.startswith(known))}


def features(text: str) -> set[str]:
    """Stems of the meaningful words, plus '#concept' for each concept they belong to."""
    found = set()
    for word in re.findall(r"[a-zà-ÿ]+", (text or "").lower()):
        if word in STOP or word in PLACES or len(word) < 3:
            continue
        stem = _stem(word)
        found.add(stem)
        found |= {f"#{c}" for c in _concepts_of(word, stem)}
    return found


def score(query_title: set[str], query_all: set[str], title: set[str], text: set[str]) -> int:
    """3 points for each feature two titles share, 2 for a feature of the query's title in the
    other's description (entries often have a proper name: "De Klopvaart", a moestuin), 1 for
    any other shared feature."""
    in_titles = query_title & title
    title_in_text = (query_title & text) - in_titles
    rest = (query_all & (title | text)) - in_titles - title_in_text
    return 3 * len(in_titles) + 2 * len(title_in_text) + len(rest)


def proximity(distance: float | None) -> float:
    """1 next door, 0.5 at the edge of walking distance; 0.75 when only the wijk is known."""
    if distance is None:
        return 0.75
    return 1 - 0.5 * min(distance, WALKING_M) / WALKING_M


@dataclass
class Match:
    kind: str  # "idea" or "entry"
    item: object
    score: int
    distance: float | None  # metres; None when one side has only a wijk

    @property
    def is_idea(self) -> bool:
        return self.kind == "idea"

    @property
    def rank(self) -> float:
        return self.score * proximity(self.distance)

    @property
    def name(self) -> str:
        return self.item.title if self.is_idea else self.item.name


def _near(model, lat, lng, wijk_id):
    """Located rows within the walking box, and unlocated rows of the same wijk."""
    conditions = []
    if lat is not None and lng is not None:
        conditions.append(and_(model.lat.between(lat - _DEG_LAT, lat + _DEG_LAT),
                               model.lng.between(lng - _DEG_LNG, lng + _DEG_LNG)))
    if wijk_id is not None:
        conditions.append(and_(model.wijk_id == wijk_id, model.lat.is_(None) if conditions else True))
    return or_(*conditions) if conditions else None


def _distance(lat, lng, item) -> float | None:
    if lat is None or lng is None or item.lat is None or item.lng is None:
        return None
    return distance_m(lat, lng, item.lat, item.lng)


def _candidates(lat, lng, wijk_id):
    near_ideas = _near(Idea, lat, lng, wijk_id)
    near_entries = _near(SocialMapEntry, lat, lng, wijk_id)
    if near_ideas is None:
        return [], []
    finished = (IdeaStatus.CLOSED, IdeaStatus.ARCHIVED)
    ideas = db.session.scalars(select(Idea).where(near_ideas, Idea.hidden.is_(False), Idea.status.not_in(finished)))
    entries = db.session.scalars(select(SocialMapEntry).where(near_entries, SocialMapEntry.archived.is_(False)))
    return list(ideas), list(entries)


def similar_nearby(title: str, body: str = "", lat: float | None = None, lng: float | None = None,
                   wijk=None, *, exclude_idea_id: int | None = None) -> list[Match]:
    """Ideas and entries about the same subject within walking distance (or, without a point, in the wijk)."""
    query_title = features(title)
    query_all = query_title | features(body)
    if not query_title:
        return []
    wijk_id = wijk.id if wijk is not None else None
    ideas, entries = _candidates(lat, lng, wijk_id)
    matches = []
    for kind, items in (("idea", ideas), ("entry", entries)):
        for item in items:
            if kind == "idea" and item.id == exclude_idea_id:
                continue
            distance = _distance(lat, lng, item)
            if distance is not None and distance > WALKING_M:
                continue
            name = item.title if kind == "idea" else item.name
            text = item.body if kind == "idea" else item.description
            points = score(query_title, query_all, features(name), features(text))
            if points >= MIN_SCORE:
                matches.append(Match(kind, item, points, distance))
    matches.sort(key=lambda m: (-m.rank, m.distance if m.distance is not None else WALKING_M, m.name.lower()))
    return matches[:MAX_RESULTS]
