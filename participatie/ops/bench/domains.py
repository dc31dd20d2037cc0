"""The bench data set beyond ideas: N/10 social-map entries (with their edit log, links to ideas
and ideas a makelaar collected at the door) and 50 stadsgesprekken with their ideas, RSVPs and
action items. Deterministic (the rng of the idea set), bulk inserts."""

from datetime import timedelta

from participatie.conversations.models import ActionItem, Conversation, ConversationIdea, Rsvp
from participatie.conversations.status import ActionStatus, ConversationStatus, OwnerKind
from participatie.ideas.themes import THEMES
from participatie.ops.bench.ideas import Ideas, _insert, _insert_with_ids
from participatie.socialmap.models import CollectedIdea, EntryEdit, IdeaLink, SocialMapEntry
from participatie.socialmap.vocab import Audience, Cost, EntryKind, LinkKind

CONVERSATIONS = 50
ENTRIES_PER_IDEA = 0.1  # N/10 social-map entries
LINK_SHARE = 0.02  # ideas linked to an entry by a makelaar
COLLECTED_SHARE = 0.02  # ideas a makelaar wrote down for a resident
ENTRY_NAMES = ["Buurthuis", "Moestuin", "Repair Café", "Taalcafé", "Speeltuinvereniging", "Buurtkeuken",
               "Wandelgroep", "Huiswerkklas", "Koor", "Ontmoetingsplek", "Klussendienst", "Kledingbank"]
ENTRY_TEXTS = ["Iedereen is welkom.", "Koffie en thee staan klaar.", "Aanmelden is niet nodig.",
               "We zoeken nog vrijwilligers.", "Ook voor kinderen.", "Elke week op dezelfde tijd."]
TIMES = ["Maandag 10.00-12.00", "Woensdagmiddag", "Zaterdag 9.00-13.00", "Elke dinsdagavond", "Eerste zondag"]
ACTIONS = ["Offerte vragen voor bankjes", "Plek bekijken met de wijkagent", "Buren uitnodigen",
           "Vergunning aanvragen", "Verslag rondsturen", "Budget navragen bij de gemeente"]
DEPARTMENTS = ["Groen", "Verkeer", "Wijkbureau", "Sport", "Onderwijs"]


def _entry_row(number: int, ideas: Ideas) -> dict:
    rng, now = ideas.rng, ideas.now
    wijk, geometry = ideas.places.wijken[number % len(ideas.places.wijken)]
    lat, lng = ideas.places.point(wijk, geometry) if rng.random() < 0.9 else (None, None)
    themes = sorted(rng.sample(list(THEMES), rng.randint(1, 3)))
    verified = now - timedelta(days=rng.randint(1, 400)) if rng.random() < 0.8 else None
    return dict(kind=rng.choice(list(EntryKind)), name=f"{rng.choice(ENTRY_NAMES)} {wijk.name} {number + 1}",
                description=" ".join(rng.sample(ENTRY_TEXTS, 3)), themes_csv=f",{','.join(themes)},",
                wijk_id=wijk.id, address=f"{rng.choice(['Kerkstraat', 'Dorpsplein', 'Parkweg'])} {number % 90 + 1}",
                lat=lat, lng=lng, phone="030 123 45 67" if rng.random() < 0.5 else "", email="", website="",
                times=rng.choice(TIMES), evening=rng.random() < 0.3, weekend=rng.random() < 0.3,
                cost=rng.choice(list(Cost)), step_free=rng.random() < 0.6, languages="Nederlands",
                signup_needed=rng.random() < 0.2, suitable_for=rng.choice(list(Audience)),
                curated_by_id=ideas.makelaars[wijk.id], verified_at=verified,
                verified_by_id=ideas.makelaars[wijk.id] if verified else None, archived=rng.random() < 0.03,
                created_at=now - timedelta(days=rng.randint(30, 700)), updated_at=now)


def build_socialmap(ideas: Ideas) -> dict[str, int]:
    rng = ideas.rng
    entries = [_entry_row(i, ideas) for i in range(max(1, round(len(ideas.idea_ids) * ENTRIES_PER_IDEA)))]
    entry_ids = _insert_with_ids(SocialMapEntry, entries)
    _insert(EntryEdit, [dict(entry_id=e, actor_id=row["curated_by_id"], action="created", changes="",
                             created_at=row["created_at"]) for e, row in zip(entry_ids, entries)])
    by_wijk: dict[int, list[int]] = {}
    for entry_id, row in zip(entry_ids, entries):
        by_wijk.setdefault(row["wijk_id"], []).append(entry_id)
    links, collected = [], []
    for idea_id, idea in zip(ideas.idea_ids, ideas.idea_rows):
        makelaar = ideas.makelaars[idea["wijk_id"]]
        if rng.random() < LINK_SHARE and by_wijk.get(idea["wijk_id"]):
            links.append(dict(idea_id=idea_id, entry_id=rng.choice(by_wijk[idea["wijk_id"]]), other_idea_id=None,
                              kind=rng.choice([LinkKind.RELATED, LinkKind.CAN_GO_TO]), created_by_id=makelaar,
                              created_at=idea["created_at"] + timedelta(days=2)))
        if rng.random() < COLLECTED_SHARE:
            collected.append(dict(idea_id=idea_id, collected_by_id=makelaar, occasion="Koffieochtend buurthuis",
                                  contact_name="", contact_phone="", contact_email="", consent_at=None,
                                  created_at=idea["created_at"]))
    _insert(IdeaLink, links)
    _insert(CollectedIdea, collected)
    return {"social-map entries": len(entry_ids), "idea links": len(links), "collected ideas": len(collected)}


def _conversation_row(number: int, ideas: Ideas) -> dict:
    rng, now = ideas.rng, ideas.now
    wijk, geometry = ideas.places.wijken[number % len(ideas.places.wijken)]
    held = number % 2 == 0  # half held (with a report and actions), half still to come
    starts = now + timedelta(days=(-1 if held else 1) * rng.randint(3, 200), hours=rng.randint(0, 8))
    lat, lng = ideas.places.point(wijk, geometry)
    return dict(title=f"Stadsgesprek {wijk.name} {number + 1}", wijk_id=wijk.id, starts_at=starts,
                ends_at=starts + timedelta(hours=2), venue=f"Buurthuis {wijk.name}", venue_lat=lat, venue_lng=lng,
                step_free=True, hearing_loop=rng.random() < 0.5, childcare=rng.random() < 0.3,
                capacity=rng.choice([40, 60, 80, 120]), invited=", ".join(rng.sample(DEPARTMENTS, 2)),
                agenda="Welkom. De ideeën. Wat gaan we doen?",
                status=ConversationStatus.HELD if held else ConversationStatus.PLANNED,
                report="We hebben goed gepraat. Dit gaan we doen." if held else "",
                report_posted_at=starts + timedelta(days=3) if held else None,
                created_by_id=ideas.makelaars[wijk.id], created_at=starts - timedelta(days=30))


def _rsvps(conversation_id: int, row: dict, ideas: Ideas) -> list[dict]:
    users = ideas.rng.sample(ideas.user_ids, min(len(ideas.user_ids), ideas.rng.randint(10, row["capacity"])))
    confirmed = row["created_at"] + timedelta(days=1)
    return [dict(conversation_id=conversation_id, user_id=u, name="", email=None, share_contact=False,
                 created_at=confirmed, confirmed_at=confirmed, cancelled_at=None, waitlisted=False)
            for u in users]


def _actions(conversation_id: int, row: dict, idea_ids: list[int], ideas: Ideas) -> list[dict]:
    rng = ideas.rng
    return [dict(conversation_id=conversation_id, idea_id=rng.choice(idea_ids), what=rng.choice(ACTIONS),
                 owner_kind=rng.choice(list(OwnerKind)), owner=rng.choice(DEPARTMENTS), owner_user_id=None,
                 due_on=(row["starts_at"] + timedelta(days=rng.randint(14, 90))).date(),
                 status=rng.choice([ActionStatus.OPEN, ActionStatus.BEZIG, ActionStatus.KLAAR]), reason="",
                 created_at=row["report_posted_at"], updated_at=row["report_posted_at"])
            for _ in range(rng.randint(2, 5))]


def build_conversations(ideas: Ideas) -> dict[str, int]:
    """CONVERSATIONS stadsgesprekken about the best-supported ideas of their wijk."""
    rows = [_conversation_row(i, ideas) for i in range(CONVERSATIONS)]
    conversation_ids = _insert_with_ids(Conversation, rows)
    popular: dict[int, list[int]] = {}
    ranked = sorted(zip(ideas.idea_ids, ideas.idea_rows), key=lambda p: -p[1]["support_count"])
    for idea_id, idea in ranked:
        popular.setdefault(idea["wijk_id"], []).append(idea_id)
    topics, rsvps, actions, used = [], [], [], set()
    for conversation_id, row in zip(conversation_ids, rows):
        candidates = [i for i in popular.get(row["wijk_id"], []) if i not in used][:3]
        used.update(candidates)
        topics += [dict(conversation_id=conversation_id, idea_id=i) for i in candidates]
        rsvps += _rsvps(conversation_id, row, ideas)
        if row["status"] == ConversationStatus.HELD and candidates:
            actions += _actions(conversation_id, row, candidates, ideas)
    _insert(ConversationIdea, topics)
    _insert(Rsvp, rsvps)
    _insert(ActionItem, actions)
    return {"conversations": len(conversation_ids), "conversation ideas": len(topics), "RSVPs": len(rsvps),
            "action items": len(actions)}
