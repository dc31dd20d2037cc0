"""Which passwords are too easy to guess, and why, in words for the person choosing one.

Besides the length rule in the form: a password may not repeat itself (aaaaaaaaaa, abcabcabc),
be a row on the keyboard or in the alphabet (1234567890, qwertyuiop), contain the person's
e-mail name or display name, or be easy to guess otherwise. "Easy to guess" is zxcvbn's
estimate (score below 3, fewer than about 10^8 guesses). zxcvbn (MIT licence, Dropbox) ships
frequency lists of common passwords (the 30,000 most common of Mark Burnett's 10 million
password corpus), English words and names; we add a few Dutch words people often use.
"""

import re

from flask_babel import lazy_gettext as _l

MIN_SCORE = 3  # zxcvbn: 0 too guessable .. 4 very unguessable; 3 is "safely unguessable" online
ROWS = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
        "azertyuiop", "qwertzuiop", "1qaz2wsx3edc4rfv", "!@#$%^&*()")
DUTCH = ("wachtwoord", "welkom", "geheim", "utrecht", "nederland", "holland", "voetbal", "ajax",
         "feyenoord", "psv", "fcutrecht", "zomer", "winter", "lente", "herfst", "liefde", "schatje",
         "prinses", "konijn", "hallo", "doei", "hoi", "domtoren", "buurt", "participatie", "gemeente",
         "maandag", "vrijdag", "januari", "december", "welkom01", "lekker", "mooi")

REPEATS = _l("This password repeats itself. Use more different letters or words.")
ROW = _l("This password is a row of letters or numbers, like 12345 or qwerty. Those are guessed first.")
PERSONAL = _l("Do not use your name or your e-mail address in your password.")
GUESSABLE = _l("Many people use this password, or one like it, so it is easy to guess. "
               "Choose a longer one, for example three or four words that only you would put together.")


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _repeats(password: str) -> bool:
    """aaaaaaaaaa, ababababab, abcabcabcabc: a short piece, over and over."""
    return len(set(password)) <= 2 or re.fullmatch(r"(.{1,4}?)\1{2,}.{0,3}", password, re.DOTALL) is not None


def _row(password: str) -> bool:
    letters = _letters(password)
    return len(letters) >= 6 and any(letters in row * 2 or letters in (row * 2)[::-1] for row in ROWS)


def _personal_parts(email: str, name: str) -> list[str]:
    local = (email or "").split("@", 1)[0]
    parts = [_letters(local), *(_letters(p) for p in re.split(r"[.\-_+\s]+", f"{local} {name or ''}"))]
    return [p for p in dict.fromkeys(parts) if len(p) >= 3]


def problem(password: str, *, email: str = "", name: str = ""):
    """Why this password is refused (a lazy string for the form), or None when it may be used."""
    if _repeats(password):
        return REPEATS
    if _row(password):
        return ROW
    personal = _personal_parts(email, name)
    if any(part in _letters(password) for part in personal):
        return PERSONAL
    from zxcvbn import zxcvbn  # its dictionaries weigh 12 MB: loaded when a password is chosen, not per worker

    if zxcvbn(password[:100], user_inputs=[*personal, *DUTCH])["score"] < MIN_SCORE:
        return GUESSABLE
    return None
