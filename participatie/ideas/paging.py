"""A bounded pager for idea lists: the count comes from the counters (or stops at a ceiling),
and the pages stop at MAX_PAGES; further on, search words and filters are the way to narrow."""

import math
from dataclasses import dataclass

from sqlalchemy import select

from participatie.extensions import db
from participatie.ideas import counting
from participatie.ideas.models import Idea

MAX_PAGES = 50


@dataclass(frozen=True)
class Page:
    items: list
    page: int
    per_page: int
    count: counting.Count

    @property
    def total(self) -> int:
        return self.count.n

    @property
    def pages(self) -> int:
        return min(math.ceil(self.count.n / self.per_page), MAX_PAGES)

    @property
    def capped(self) -> bool:
        """There are more ideas than the pager shows: refine the search to see them."""
        return self.count.more or self.count.n > MAX_PAGES * self.per_page

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return min(self.page - 1, max(self.pages, 1))

    @property
    def next_num(self) -> int:
        return self.page + 1


def paginate(filters, per_page: int) -> Page:
    """One page of the filtered list; a page past MAX_PAGES is empty (the page says to refine)."""
    page = max(filters.page, 1)
    items = [] if page > MAX_PAGES else _page_items(filters, page, per_page)
    return Page(items=items, page=page, per_page=per_page, count=counting.found(filters))


def _page_items(filters, page: int, per_page: int) -> list:
    """Ids first (sorted within an index, no full rows), then the page's ideas by id."""
    ids = list(db.session.scalars(filters.query().with_only_columns(Idea.id)
                                  .limit(per_page).offset((page - 1) * per_page)))
    if not ids:
        return []
    ideas = {idea.id: idea for idea in db.session.scalars(select(Idea).where(Idea.id.in_(ids))).unique()}
    return [ideas[i] for i in ids if i in ideas]
