"""report.json: the contract in shared/contracts/report.schema.json."""

from ..model import Report


def render_json(report: Report) -> str:
    return report.to_json(indent=2) + "\n"
