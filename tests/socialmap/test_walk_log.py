"""The makelaar's change log on an entry speaks Dutch (issue 12, item 11)."""

import re

from participatie.socialmap import services
from tests.responses.helpers import page, sign_in
from tests.socialmap.conftest import entry_input, make_entry, makelaar

ENGLISH = ("created", "edited", "verified", "archived", "restored", "imported")


def test_the_change_log_shows_dutch_words(web):
    broker = makelaar("west")
    entry = make_entry(broker)
    services.edit_entry(broker, entry, entry_input(description="Buren kweken samen groente en kruiden."),
                        action="imported")
    services.verify_entry(broker, entry)
    services.set_archived(broker, entry, True)
    services.set_archived(broker, entry, False)
    sign_in(web, broker)
    text = page(web.get(f"/socialmap/{entry.id}"))
    log = text.split('class="utrecht-unordered-list edit-log"', 1)[1].split("</ul>", 1)[0]
    words = re.findall(r"·\s*([^·<]+?)\s*</li>", log)
    assert len(words) == 5
    assert not set(words) & set(ENGLISH), words
    assert {"aangemaakt", "geïmporteerd", "gecontroleerd", "gearchiveerd", "teruggezet op de kaart"} <= set(words)
