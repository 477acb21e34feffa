"""The wire-copy fixture suite: short articles we wrote, one or more per phenomenon an analyst
reads, each with the claims it makes. A claim is compared on the fields its case names."""

import json
from pathlib import Path

import pytest

from agents.extract.core import extract
from streams.records import Article

CASES = [json.loads(line) for line in
         (Path(__file__).resolve().parents[1] / "fixtures" / "wire_copy.jsonl").read_text().splitlines()]


def _fields(report) -> dict:
    return {"city": report.place.name, "admin1": report.place.admin1, "country": report.place.country,
            **{name: getattr(report, name) for name in report.__slots__}}


@pytest.mark.parametrize("case", CASES, ids=[case["phenomenon"] for case in CASES])
def test_wire_copy_claims(case):
    reports = extract(Article.from_dict(case["article"]), None).reports
    got = [{key: _fields(report)[key] for key in expected}
           for report, expected in zip(reports, case["expected"])]
    assert got == case["expected"]
    assert len(reports) == len(case["expected"])
