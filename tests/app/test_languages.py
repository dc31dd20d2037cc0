"""Four interface languages: chosen by the user's setting, then the session switch, then the browser."""

import re

import pytest

from participatie.accounts import services as accounts
from tests.factories import make_user
from tests.responses.helpers import sign_in


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.get_data(as_text=True)).group(0)


@pytest.mark.parametrize("code, direction, word", [
    ("nl", "ltr", "Ideeën"), ("en", "ltr", "Ideas"), ("tr", "ltr", "Fikirler"), ("ar", "rtl", "الأفكار"),
])
def test_the_browser_language_sets_lang_dir_and_words(client, code, direction, word):
    response = client.get("/", headers={"Accept-Language": f"{code},en;q=0.1"})
    assert f'lang="{code}"' in html_tag(response) and f'dir="{direction}"' in html_tag(response)
    assert word in response.get_data(as_text=True)


def test_the_switch_names_every_other_language_in_itself(client):
    text = client.get("/", headers={"Accept-Language": "nl"}).get_data(as_text=True)
    for code, name in (("en", "English"), ("tr", "Türkçe"), ("ar", "العربية")):
        assert f'lang="{code}" hreflang="{code}"' in text and f">{name}</a>" in text
    assert 'dir="rtl"' in text.split("العربية")[0].rsplit("<a", 1)[1]  # the Arabic name reads right to left


def test_the_session_switch_beats_the_browser(client):
    assert client.get("/taal/ar?next=/").status_code == 303
    response = client.get("/", headers={"Accept-Language": "tr"})
    assert 'lang="ar"' in html_tag(response) and 'dir="rtl"' in html_tag(response)


def test_the_user_setting_beats_the_session(client):
    user = make_user()
    accounts.set_locale(user, "tr")
    sign_in(client, user)
    with client.session_transaction() as session:
        session["locale"] = "ar"
    assert 'lang="tr"' in html_tag(client.get("/", headers={"Accept-Language": "en"}))


def test_settings_offer_all_four_languages(client):
    sign_in(client, make_user())
    text = client.get("/account/settings").get_data(as_text=True)
    for code in ("nl", "en", "tr", "ar"):
        assert f'value="{code}"' in text


def test_arabic_lists_use_the_arabic_comma(client):
    from tests.factories import make_idea

    idea = make_idea(themes=["groen", "spelen"], needs=["money", "permission"], street="Kanaalstraat")
    arabic = client.get(f"/ideas/{idea.id}", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert "مال، إذن" in arabic and "، Kanaalstraat" in arabic and ", Kanaalstraat" not in arabic
    dutch = client.get(f"/ideas/{idea.id}", headers={"Accept-Language": "nl"}).get_data(as_text=True)
    assert "Geld, Toestemming" in dutch and "Wijk West, Kanaalstraat" in dutch
