"""Specific: the goal tree's structure and wording (S rules).

Each rule stands beside its check and its bad and good examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from goalframe._lint._engine import Context, problem, rule
from goalframe._lint._examples import GOOD, OBJ, E, W, doc, ind_yaml
from goalframe._lint._words import NUMBER
from goalframe._messages import Message
from goalframe._model import Framework, Objective
from goalframe.schema import IndicatorKind


def _subtree_has_target(framework: Framework, objective: Objective) -> bool:
    """Whether the objective or one below it has an indicator with a target.

    Input indicators do not count: money committed is no measure of what it achieves.
    """
    by_id = {o.id: o for o in framework.objectives}
    stack = [objective]
    while stack:
        node = stack.pop()
        if any(
            framework.indicator(i).goal is not None
            and framework.indicator(i).kind is not IndicatorKind.INPUT
            for i in node.indicators
        ):
            return True
        stack.extend(by_id[c] for c in node.children if c in by_id)
    return False


def _vague_word(statement: str, words: Iterable[str]) -> str | None:
    """The first vague word of the statement, as written there."""
    for word in words:
        match = re.search(r"(?<![\w-])" + re.escape(word) + r"[\w-]*", statement, re.IGNORECASE)
        if match:
            return match.group(0)
    return None


@rule(
    code="S001",
    name="objective-without-indicator",
    severity=E,
    summary="An objective is linked to no indicator and has no sub-objectives.",
    bad=doc("  - {id: tackle-crime, statement: Tackle organised drug crime}\n" + OBJ, ind_yaml()),
    good=GOOD,
)
def _objective_without_indicator(ctx: Context) -> None:
    for o in ctx.framework.objectives:
        if not o.indicators and not o.children:
            ctx.add(
                "S001",
                "objective",
                o.id,
                Message("lint_S001"),
                Message("lint_S001_fix", id=o.id),
                ("statement",),
            )


@rule(
    code="S002",
    name="vague-statement",
    severity=W,
    summary="A statement uses a vague word (strengthen, improve, tackle, reduce, "
    "versterken, terugdringen, ...) with no number and no indicator with a target.",
    bad=doc(
        "  - {id: versterken, statement: Versterken van de aanpak van "
        "georganiseerde drugscriminaliteit}",
        ind_yaml(),
    ),
    good=doc(
        "  - {id: versterken, statement: Halve drug-waste dumpings between 2018 "
        "and 2026, indicators: [dumpings]}",
        ind_yaml(),
    ),
)
def _vague_statement(ctx: Context) -> None:
    for o in ctx.framework.objectives:
        word = _vague_word(o.statement, ctx.vague)
        if word and not NUMBER.search(o.statement) and not _subtree_has_target(ctx.framework, o):
            ctx.add(
                "S002",
                "objective",
                o.id,
                Message("lint_S002", word=repr(word)),
                Message("lint_S002_fix"),
                ("statement",),
            )


problem(
    code="S003",
    name="duplicate-id",
    severity=E,
    summary="Two objectives (or two indicators) share an id.",
    bad=doc(OBJ + "\n" + OBJ, ind_yaml()),
    good=GOOD,
    fix="give each objective and indicator its own id",
)


@rule(
    code="S004",
    name="unlinked-indicator",
    severity=W,
    summary="An indicator is linked to no objective and is no indicator's context.",
    bad=doc(OBJ, ind_yaml() + "\n" + ind_yaml(id="orphan", name="Orphan")),
    good=GOOD,
)
def _unlinked_indicator(ctx: Context) -> None:
    as_context = {c for i in ctx.framework.indicators for c in i.context}
    for ind in ctx.framework.indicators:
        if ind.id not in ctx.linked and ind.id not in as_context:
            ctx.add(
                "S004",
                "indicator",
                ind.id,
                Message("lint_S004"),
                Message("lint_S004_fix", id=ind.id),
                ("id",),
            )


problem(
    code="S005",
    name="unknown-reference",
    severity=E,
    summary="An objective or context list names an indicator that does not exist.",
    bad=doc(OBJ.replace("[dumpings]", "[dumpings, dumpngs]"), ind_yaml()),
    good=GOOD,
    fix="define the referenced indicator, or correct the id",
)


problem(
    code="S006",
    name="broken-tree",
    severity=E,
    summary="An objective's parent does not exist, is itself, or forms a cycle.",
    bad=doc(OBJ.replace("level: outcome", "level: outcome, parent: harm"), ind_yaml()),
    good=GOOD,
    fix="make each objective's `parent:` an existing objective, without cycles",
)
