"""Plain-text reactions: count links, and show them as text or as nofollow links."""

import re

from markupsafe import Markup, escape

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""


def links_in(text: str) -> int:
    return len(URL.findall(text or ""))


def _split_trailing(url: str) -> tuple[str, str]:
    end = len(url)
    while end and url[end - 1] in TRAILING:
        end -= 1
    return url[:end], url[end:]


def linkify(text: str) -> Markup:
    """Escape everything; web addresses become links with rel="nofollow ugc" (no referrer, new tab off)."""
    parts, last = [], 0
    for match in URL.finditer(text or ""):
        url, tail = _split_trailing(match.group(0))
        href = url if url.lower().startswith("http") else "https://" + url
        parts.append(escape(text[last:match.start()]))
        parts.append(Markup('<a class="utrecht-link utrecht-link--html-a" rel="nofollow ugc noopener noreferrer" '
                            'href="%s">%s</a>') % (href, url))
        parts.append(escape(tail))
        last = match.end()
    parts.append(escape((text or "")[last:]))
    return Markup("").join(parts)
