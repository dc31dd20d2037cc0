"""A passive-voice heuristic for Dutch.

A sentence is passive when it has an auxiliary and a past participle:

* a form of *worden* (``word``, ``wordt``, ``worden``, ``werd``, ``werden``,
  ``geworden``), or of *zijn* (``is``, ``zijn``, ``was``, ``waren``) for the
  perfect passive ("er is besloten");
* a past participle (not one of a verb with an active perfect in *zijn*, like
  ``gestart``, ``gebeurd``, ``gekomen``): ``ge…d``/``ge…t``/``ge…en`` (also after a separable
  particle: ``vastgesteld``, ``aangelegd``, ``ingediend``), an inseparable-prefix
  participle ``be-/ver-/ont-/her-/er-…d`` (``behandeld``, ``verbeterd``), or a
  listed irregular one (``besloten``, ``verzocht``, ``onderzocht``, ``ontvangen``).

Without a participle *worden* is a main verb and nothing is flagged ("het wordt
koud", "welke soort het wordt"). With only *zijn*, a form of *hebben* in the
same sentence means an active perfect, so nothing is flagged. Words that only
look like participles are ignored: ``gemeente``, ``gesprekken``, ``bekend``,
``vervelend``, ``veiligheid``, ``gebruiksovereenkomst``, ``gelet (op)``.
"""

from __future__ import annotations

import re

WORDEN = frozenset("word wordt worden werd werden geworden".split())
ZIJN = frozenset("is zijn was waren".split())

_PARTICLE = (
    "aan|af|bij|door|in|mee|na|om|onder|op|over|terug|toe|uit|vast|voor|weg|neer|"
    "samen|tegen|vrij|schoon|dicht|open|rond|achter|tussen|bekend|kennis|plaats"
)
_GE_PARTICIPLE = re.compile(rf"^(?:{_PARTICLE})?ge[^\W\d_]{{2,}}(?:d|t|en)$")
_PREFIX_PARTICIPLE = re.compile(r"^(?:be|ver|ont|her|er)[^\W\d_]{3,}d$")
# Present participles/adjectives (vervelend, ontoereikend), -heid nouns, plural
# nominalised participles (geïnteresseerden): not participles.
_NOT_PARTICIPLE_ENDING = re.compile(r"(?:(?<!rk)(?<!ek)end|heid|rden)$")
# Nouns starting like a participle, also as the head of a compound (gebruiksovereenkomst).
_NOUN_HEADS = re.compile(
    r"^(?:gebruik|gemeente|gebied|gesprek|gebouw|geluid|gezondheid|gezin|geld|gevaar|gevel"
    r"|gewicht|gedrag|gebeurtenis|gelegenheid)[^\W\d_]{3,}$"
)
HEBBEN = frozenset("heb hebt heeft hebben had hadden".split())

IRREGULAR = frozenset(
    """besloten verzocht onderzocht ontvangen bekeken besproken verzonden vervangen
    verkocht bezocht beschreven bevonden verboden vergeten ontworpen verstrekt verwerkt
    verplaatst ontwikkeld bedacht gebracht gedacht vastgesteld toegekend verleend
    ontslagen bevestigd vernieuwd verlicht verwacht verricht beperkt verbouwd
    herzien verworven onderbroken ondersteund onderhouden""".split()
)

# Words that look like participles but are not (or not in a passive).
NOT_PARTICIPLES = frozenset(
    """gemeente gemeenten geen gebied gebieden geld gelden gesprek gesprekken gebouw
    gebouwen gebruik gebruiken gegevens gelegenheid gezin gezinnen geval gevallen
    gevolg gevolgen gedeelte gedeelten gewoon genoeg gezond gedicht gedichten gehucht
    gewicht gerecht gezicht gezichten geheel gelijk gezellig gemiddeld geleden
    gebeuren geloven gedrag gewend geweten gerust geduld geschikt gebrek geluid
    geluiden getal getallen gevoel gevoelens gedachten geheugen gewoonten gezondheid
    genieten gelet aangezien geschiedt geschieden gebeurt geldt gelooft geniet
    opgeven aangeven doorgeven uitgeven toegeven meegeven weggeven teruggeven
    beleid bericht bestand verband verstand bekend bewust verkeerd bereid beroemd
    bevoegd verliefd vriend weekend avond afgelopen""".split()
)

# Participles of verbs whose active perfect uses "zijn" ("wij zijn gestart").
ZIJN_VERBS = frozenset(
    """gegaan gekomen geweest gebleven geworden gebeurd gestart gestopt gegroeid
    gestegen gedaald geland gevallen geslaagd gelukt mislukt gebleken geboren
    verhuisd veranderd verdwenen verschenen vertrokken overleden ontstaan begonnen
    aangekomen teruggekomen opgegroeid meegegaan toegenomen afgenomen opgehouden
    uitgegaan overgestapt binnengekomen weggegaan gelopen gefietst gereden
    gevlogen gezwommen gewandeld verslechterd ontsnapt""".split()
)


def is_participle(word: str) -> bool:
    """Whether a lower-case ``word`` looks like a Dutch past participle."""
    if word in IRREGULAR:
        return True
    if word in NOT_PARTICIPLES or len(word) < 5 or word in ZIJN_VERBS:
        return False
    if _NOT_PARTICIPLE_ENDING.search(word) or _NOUN_HEADS.match(word):
        return False
    return bool(_GE_PARTICIPLE.match(word) or _PREFIX_PARTICIPLE.match(word))


def find_passive(words: list[str]) -> tuple[str, str] | None:
    """``(auxiliary, participle)`` if the sentence's ``words`` are passive, else ``None``.

    With *worden* any participle counts. With only *zijn*, a form of *hebben* in
    the sentence makes the participle an active perfect ("wij hebben ...
    geschilderd en er is ..."), so nothing is flagged.
    """
    lowered = [w.lower() for w in words]
    worden = next((w for w in lowered if w in WORDEN), None)
    zijn = next((w for w in lowered if w in ZIJN), None)
    if worden is None and (zijn is None or any(w in HEBBEN for w in lowered)):
        return None
    participle = next((w for w in lowered if w not in WORDEN and is_participle(w)), None)
    if participle is None:
        return None
    return (worden or zijn, participle)
