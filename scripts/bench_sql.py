"""What the database does for one page: run by `make bench` as
`python scripts/bench_sql.py PATH...` with the bench's environment (DATABASE_URL etc.).

Renders each page in-process (Flask test client, anonymous, the page cache off: every request a
render) REPEAT times after one warm-up, timing every SQL statement with SQLAlchemy's cursor events.
Prints JSON per path: the request's time, statements per request, SQL time per request (medians),
and the part of it spent in `count(` statements (the "N ideeën gevonden" figure; a counter or an
estimate makes it vanish).
"""

import json
import os
import re
import statistics
import sys
import time

from sqlalchemy import event

REPEAT = 10
COUNT = re.compile(r"\bcount\s*\(", re.IGNORECASE)


def probe(paths: list[str]) -> dict:
    from participatie import create_app
    from participatie.extensions import db

    os.environ["PAGE_CACHE_BYTES"] = "0"  # what a render costs; repeats served kept are the HTTP table's
    app = create_app()
    client = app.test_client()
    current: list[tuple[str, float]] = []
    started: dict[int, float] = {}

    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):
        started[id(cursor)] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):
        current.append((statement, time.perf_counter() - started.pop(id(cursor), time.perf_counter())))

    result = {}
    for path in paths:
        client.get(path)  # warm-up: reference data, templates
        totals, counts, statements, requests, status = [], [], [], [], None
        for _ in range(REPEAT):
            current.clear()
            started_request = time.perf_counter()
            status = client.get(path).status_code
            requests.append((time.perf_counter() - started_request) * 1000)
            totals.append(sum(s for _, s in current) * 1000)
            counts.append(sum(s for sql, s in current if COUNT.search(sql)) * 1000)
            statements.append(len(current))
        result[path] = {"status": status, "statements": statistics.median(statements),
                        "request_ms": statistics.median(requests),
                        "sql_ms": statistics.median(totals), "count_ms": statistics.median(counts),
                        "count_statements": sum(1 for sql, _ in current if COUNT.search(sql))}
    return result


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1:])))
