"""report.html: one page, no network, every value from an article escaped by Jinja2's autoescape."""

from __future__ import annotations

from collections import Counter
from functools import cache

import jinja2

from ..model import Report


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storyweave.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(report: Report) -> str:
    titles = {a.id: a.title or a.source_path for a in report.articles}
    languages = Counter(a.language for a in report.articles)
    return _environment().get_template("report.html.j2").render(
        report=report, titles=titles, languages=languages.most_common())
