from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

import goalframe as gf
from goalframe._lint import RULES, Severity

Write = Callable[[str, str], Path]


def run_rule(text: str, data: str, write: Write, name: str) -> list[gf.Finding]:
    framework = gf.load_framework(write(f"{name}.yaml", text), strict=False)
    observations = None
    if data:
        observations = gf.load_observations(write(f"{name}.csv", data))
    return gf.lint(framework, observations)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_fires_on_its_bad_example_and_not_on_its_good_one(code: str,
                                                               write: Write) -> None:
    rule = RULES[code]
    bad = run_rule(rule.bad, rule.data, write, "bad")
    assert code in {f.code for f in bad}, f"{code} did not fire on its bad example"
    good_data = rule.good_data if rule.good_data is not None else rule.data
    good = run_rule(rule.good, good_data, write, "good")
    assert code not in {f.code for f in good}, f"{code} fired on its good example"
    fired = next(f for f in bad if f.code == code)
    assert fired.severity is rule.severity
    assert fired.fix and fired.message


def test_rules_are_documented() -> None:
    for rule in RULES.values():
        assert rule.summary.endswith(".")
        assert rule.code[0] in "SMARTDF"
        assert rule.name == rule.name.lower()


def test_good_example_is_clean(write: Write) -> None:
    rule = RULES["M001"]
    findings = run_rule(rule.good, RULES["A001"].data, write, "good")
    assert [f.code for f in findings if f.severity is not Severity.INFO] == []
