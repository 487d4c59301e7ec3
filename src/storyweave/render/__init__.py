"""Outputs: report.json (the contract) and report.html (one self-contained page)."""

from pathlib import Path

from ..model import Report
from .html import render_html
from .json import render_json

__all__ = ["render_html", "render_json", "write_report"]


def write_report(report: Report, out: str | Path) -> tuple[Path, Path]:
    """Write OUT/report.json and OUT/report.html; returns their paths."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    json_path, html_path = folder / "report.json", folder / "report.html"
    json_path.write_text(render_json(report), encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return json_path, html_path
