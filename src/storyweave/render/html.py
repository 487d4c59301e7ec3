"""report.html: one page, no network, every value from an article escaped by Jinja2's autoescape."""

from __future__ import annotations

from collections import Counter
from functools import cache

import jinja2

from ..model import Report


def days(first: str | None, last: str | None) -> str:
    """A story's dates as days ("2013-09-17 – 2013-09-19"): its first and last articles' times of day, given
    by some outlets and not others, say nothing of the story's span; "" when undated."""
    first, last = (first or "")[:10], (last or "")[:10]
    return f"{first} – {last}" if first and last and last != first else first or last


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyweave.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["days"] = days
    return env


def render_html(report: Report) -> str:
    titles = {a.id: a.title or a.source_path for a in report.articles}
    languages = Counter(a.language for a in report.articles)
    return _environment().get_template("report.html.j2").render(
        report=report, titles=titles, languages=languages.most_common())
