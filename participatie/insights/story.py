"""Which resident's words sit beside which figure: each figure takes the first unused quote of the
sources that speak to it (no quote is shown twice on a page)."""

PREFERENCES = {  # the figures with one natural source choose first
    "solved": ("how_now", "solved"),
    "actions": ("conversation",),
    "answered": ("not_an_answer", "answer"),
    "speed": ("not_an_answer", "answer", "how_now"),
    "posted": ("how_now", "solved", "conversation", "answer", "not_an_answer"),
}


def beside_figures(quotes: dict[str, list]) -> dict[str, object]:
    left = {source: list(items) for source, items in quotes.items()}
    chosen = {}
    for figure, sources in PREFERENCES.items():
        for source in sources:
            if left.get(source):
                chosen[figure] = left[source].pop(0)
                break
    return chosen
