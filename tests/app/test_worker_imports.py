"""A gunicorn worker stays small (QUALITY.md: RSS <= 150 MB after the bench): libraries that only
some requests need are imported when first used, not when the app starts."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAZY = ["zxcvbn", "wordfreq", "snowballstemmer", "holidays"]  # 12, 6, 3 and 4 MB per worker


def test_app_start_does_not_import_what_only_some_requests_need(tmp_path):
    code = ("import json, sys; from participatie import create_app; create_app(); "
            f"print(json.dumps([m for m in {LAZY!r} if m in sys.modules]))")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite'}", "FLASK_SECRET_KEY": "x" * 32,
           "PARTICIPATIE_INSTANCE": str(tmp_path)}
    env.pop("PARTICIPATIE_ENV", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_counting_working_days_loads_no_calendar_of_every_country():
    """A list page shows a term in working days: that cost a worker 10 MB of `holidays` modules."""
    code = ("import sys; from datetime import date; from participatie.clock import is_working_day; "
            "is_working_day(date(2026, 4, 27)); print('holidays' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
