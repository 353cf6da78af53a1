"""A Dutch card says everything in Dutch: no English text from the catalogue leaks into it.

The goal file and data below are written in Dutch and reach the texts built from data: a
context indicator, a missing year, flagged and revised figures, an illustrative target, a
baseline that disagrees with the data and sits on a peak, an outcome not known yet, a verdict
on outputs only, rows set aside (another region, an empty cell, a duplicate, a blank line).
Every English catalogue text that Dutch translates differently is then looked for in the
Dutch terminal, Markdown and HTML cards, in fragments of three words or more (the words
between placeholders), so a sentence built in English is caught even with its numbers.
"""

from __future__ import annotations

import html
import re
import string
from pathlib import Path

import pytest

import goalframe as gf
from goalframe import _messages

GOALS = """\
schema_version: 1
id: proef
title: Proefkaart
language: nl
period: {start: 2015, end: 2026}
objectives:
  - id: minder-schade
    level: impact
    statement: Minder schade door drugscriminaliteit
  - id: minder-afval
    parent: minder-schade
    level: outcome
    statement: Minder drugsafval in de natuur
    indicators: [afval, inbeslagname]
  - id: meer-inzet
    parent: minder-schade
    level: outcome
    statement: Meer inzet van de politie
    indicators: [netwerken]
  - id: leeg
    level: output
    statement: Een doel zonder indicatoren
indicators:
  - id: afval
    name: Gevonden drugsafval
    unit: dumping
    select: {region: NL}
    direction: decrease
    kind: outcome
    target:
      baseline: {value: 300, period: 2018}
      value: 100
      deadline: 2030
      provenance: illustrative
  - id: inbeslagname
    name: Inbeslagname cocaïne
    unit: kg
    select: {region: NL}
    kind: context
  - id: netwerken
    name: Aangepakte netwerken
    unit: network
    select: {region: NL}
    direction: increase
    kind: output
    target:
      type: norm
      value: 1000
      period: {start: 2020, end: 2025}
"""

DATA = """\
indicator,region,period,value,unit,flag
afval,NL,2017,200,dumping,
afval,NL,2018,292,dumping,
afval,NL,2019,250,dumping,revised
afval,NL,2021,210,dumping,provisional
afval,Utrecht,2021,20,dumping,
afval,NL,2022,,dumping,
inbeslagname,NL,2021,70000,kg,
inbeslagname,NL,2022,50000,kg,approx
netwerken,NL,2020,1100,network,
netwerken,NL,2021,1200,network,
netwerken,NL,2021,1200,network,

netwerken,NL,2022,900,network,
"""


def _fragments() -> list[str]:
    """English catalogue texts Dutch says otherwise, cut at placeholders: 3+ words each."""
    english, dutch = _messages.catalogues()["en"], _messages.catalogues()["nl"]
    found: set[str] = set()
    tables = ("status", "flags", "text", "target_words", "levels", "rollup", "messages", "labels")
    for table in (*tables, "explain"):
        for key, value in english[table].items():
            if value == dutch[table][key]:
                continue
            for literal, *_ in string.Formatter().parse(value):
                words = literal.strip(" ;:,().'").split()
                if len(words) >= 3:
                    found.add(" ".join(words))
    return sorted(found)


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder: Path = tmp_path_factory.mktemp("nl")
    (folder / "doelen.yaml").write_text(GOALS, encoding="utf-8")
    (folder / "cijfers.csv").write_text(DATA, encoding="utf-8")
    framework = gf.load_framework(folder / "doelen.yaml")
    observations = gf.load_observations(folder / "cijfers.csv")
    card = gf.evaluate(framework, observations, as_of="2026-11-28")
    page = re.sub(r"<style.*?</style>|<[^>]+>", " ", card.to_html())
    folded = r"<style.*?</style>|<details class=\"explain\">.*?</details>|<[^>]+>"
    shown = re.sub(folded, " ", card.to_html(), flags=re.DOTALL)
    return {
        "terminal": card.to_text(width=100),
        "markdown": card.to_markdown().replace("\\", ""),
        "html": " ".join(html.unescape(page).split()),
        "html_no_explain": " ".join(html.unescape(shown).split()),
        "set_aside": "\n".join(s.reason for s in card.set_aside),
    }


def test_the_card_reaches_the_texts_built_from_data(cards: dict[str, str]) -> None:
    # The English texts exist (the data reach them), so the Dutch check below means something.
    english = cards["set_aside"]
    assert "breakdown not assessed" in english and "duplicate of" in english
    text = cards["markdown"]
    for dutch in (
        "contextindicator: getoond, niet beoordeeld",
        "geen cijfer voor 2020",  # the gap between 2019 and 2021
        "herzien: 2019; voorlopig: 2021",
        "de streefwaarde is ter illustratie",
        "de opgegeven nulmeting 300 (2018) wijkt af van de waarneming voor die periode (292)",
        "is een lokale piek (2017: 200, 2019: 250)",
        "uitsplitsing niet beoordeeld (de indicator beoordeelt region=NL)",
        "geen indicatoren gekoppeld",
        "dubbel met",
        "lege regel",
        "effect",
        "uitkomst",
    ):
        assert dutch in text, dutch


@pytest.mark.parametrize("output", ["terminal", "markdown", "html"])
def test_no_english_catalogue_text_leaks_into_a_dutch_card(
    cards: dict[str, str], output: str
) -> None:
    text = " ".join(cards[output].split())
    leaks = [f for f in _fragments() if f in text]
    assert not leaks, f"English in the Dutch {output} card: {leaks}"


def test_the_check_would_see_a_leak() -> None:
    # The fragments include the texts built from data, so an untranslated one is caught.
    fragments = _fragments()
    assert "context indicator: shown, not scored".strip(" :") in " ".join(fragments) or any(
        f.startswith("shown, not scored") or "context indicator" in f for f in fragments
    )
    assert any("the declared baseline" in f for f in fragments)


def _lint_fragments() -> list[str]:
    english, dutch = _messages.catalogues()["en"], _messages.catalogues()["nl"]
    found: set[str] = set()
    tables = [("messages", k) for k in english["messages"] if k.startswith(("lint_", "goal_"))]
    tables += [("lint_words", k) for k in english["lint_words"]]
    tables += [("shapes", k) for k in english["shapes"]]
    for table, key in tables:
        value = english[table][key]
        if value == dutch[table][key]:
            continue
        for literal, *_ in string.Formatter().parse(value):
            words = literal.strip(" ;:,().'`").split()
            # Code the Dutch text shows as well (`baseline: {value: ...}`) is not English.
            if len(words) >= 3 and " ".join(words) not in dutch[table][key]:
                found.add(" ".join(words))
    return sorted(found)


def test_a_dutch_lint_report_says_its_findings_in_dutch() -> None:
    from typer.testing import CliRunner

    from goalframe.cli import app

    root = Path(__file__).resolve().parents[2]
    goals = root / "examples" / "nl-drug-policy" / "goals-as-written.yaml"
    ended = CliRunner().invoke(app, ["lint", str(goals), "--lang", "nl"])
    assert ended.exit_code == 1  # errors found, as in English
    text = " ".join(ended.stdout.split())
    assert "S001 [fout] doel weerbaarheid: het doel is aan geen indicator gekoppeld" in text
    assert "4 fouten, 12 waarschuwingen, 0 meldingen" in text
    assert "meetbaarheid: 20% (1 van 5 doelen doorstaan elke regel van foutniveau)" in text
    leaks = [f for f in _lint_fragments() if f in text]
    assert not leaks, leaks
    # The default and the machine formats stay English.
    english = CliRunner().invoke(app, ["lint", str(goals)]).stdout
    assert "S001 [error] objective weerbaarheid" in english


#: A goal file with a problem of every kind loading it finds (F, M, S and T findings).
BROKEN = """\
id: kapot
title: Kapot
objectives:
  - {id: o, statement: Halveren in 2026, indicators: [afval, afvla]}
  - {id: p, statement: Anders, parent: p}
  - {id: q, statement: Nog een, parent: onbekend}
indicators:
  - id: afval
    name: Afval
    unit: dumping
    direction: increase
    method: trajectori
    context: [niets]
    target:
      baseline: {value: 292, period: 2018}
      value: 146
      deadline: 2017
      milestones: {2016: 200}
  - id: afval
    name: Nog eens afval
    unit: dumping
    target: {baseline: {value: 10, period: 2018}, value: 20, deadline: 2026}
  - id: gelijk
    name: Gelijk
    unit: dumping
    direction: decrease
    target:
      baseline: {value: 5, period: 2018}
      value: 5
      deadline: 2026
      milestones: [{period: 2030, value: 4}, {period: 2030, value: 3}]
"""

#: A goal file that does not validate: lint reports each field (F004).
UNREADABLE = """\
id: kapot
title: 5
titel: Kapot
objectives: [{id: o}]
indicators:
  - {id: x, name: X, unit: dumping, direction: omhoog}
"""


@pytest.mark.parametrize(
    ("content", "dutch"),
    [
        (
            BROKEN,
            [
                "onbekende indicator 'afvla'; definieer haar onder `indicators:` of verbeter de id "
                "(bedoelt u 'afval'?)",
                "een doel kan niet zijn eigen bovenliggende doel zijn",
                "doel 'p' is zijn eigen voorouder (een kring via 'p')",
                "onbekend bovenliggend doel 'onbekend'",
                "onbekende contextindicator 'niets'",
                "onbekende methode 'trajectori'; kies uit binary,",
                "de streefwaarde (146) ligt onder de nulmeting (292) maar `direction` is increase",
                "de deadline 2017 ligt niet na de periode van de nulmeting 2018",
                "mijlpaal 2016 ligt niet na de periode van de nulmeting 2018",
                "dubbele id 'afval' voor een indicator (ook indicators[0])",
                "een indicator met een streefwaarde heeft `direction: increase` of",
                "de streefwaarde (5) is gelijk aan de nulmeting",
                "twee mijlpalen delen een periode; houd er een",
                "mijlpaal 2030 ligt na de deadline 2026",
                "oplossing: leg de deadline na de periode van de nulmeting",
            ],
        ),
        (
            UNREADABLE,
            [
                "title: moet tekst zijn (gekregen: 5)",
                "titel: onbekende sleutel; bedoelt u 'title'?",
                "objectives[0].statement: verplichte sleutel ontbreekt",
                "indicators[0].direction: moet 'increase' of 'decrease' zijn (gekregen: 'omhoog')",
                "oplossing: geef het veld de vorm die de melding noemt",
            ],
        ),
    ],
    ids=["problems", "unreadable"],
)
def test_a_dutch_lint_report_says_the_goal_files_own_problems_in_dutch(
    tmp_path: Path, content: str, dutch: list[str]
) -> None:
    from typer.testing import CliRunner

    from goalframe.cli import app

    goals = tmp_path / "doelen.yaml"
    goals.write_text(content, encoding="utf-8")
    ended = CliRunner().invoke(app, ["lint", str(goals), "--lang", "nl"])
    assert ended.exit_code in (1, 2), ended.output
    text = " ".join(ended.stdout.split())
    for words in dutch:
        assert words in text, words
    leaks = [f for f in _lint_fragments() if f in text]
    assert not leaks, leaks
    # In English, the same findings in the English words.
    english = " ".join(CliRunner().invoke(app, ["lint", str(goals)]).stdout.split())
    assert "fix: " in english and "oplossing" not in english


def test_the_loaders_fixes_in_the_catalogue_are_the_rules_own() -> None:
    # A rule reported by the loader keeps its English fix beside its check; the catalogue
    # says it in every language and must say the same in English.
    from goalframe._lint._engine import CHECKS, RULES

    english = _messages.catalogues()["en"]["messages"]
    checked = {code for code, _ in CHECKS}
    loader = [code for code in RULES if code not in checked]
    assert loader, "the loader reports rules of its own"
    for code in loader:
        assert english[f"lint_{code}_fix"] == RULES[code].fix, code


@pytest.mark.parametrize("output", ["terminal", "markdown", "html"])
def test_no_caveat_code_or_method_identifier_on_a_dutch_card(
    cards: dict[str, str], output: str
) -> None:
    # Caveats show their translated titles and methods their display names; the stable
    # codes stay in JSON, CSV and `explain` (issue 28, point 1).
    from goalframe._judge import CAVEATS

    text = " ".join(cards[output].split())
    if output == "html":  # (the folded explanation is `explain`'s text, codes included)
        text = cards["html_no_explain"]
    codes = [code for code in CAVEATS if code in text]
    assert not codes, f"caveat codes on the Dutch {output} card: {codes}"
    assert "trajectory" not in text and "traject" in text
    for wrong in ("ter illustratie streefwaarde", "afgerond", "toen beweegt", "toen ligt"):
        assert wrong not in text, wrong
    for title in ("streefwaarde ter illustratie", "ontbrekende perioden", "gemarkeerde waarden"):
        assert title in text, title


def test_every_caveat_and_method_has_a_name_in_every_language() -> None:
    from goalframe._judge import CAVEATS
    from goalframe.progress import method_names

    for lang in ("en", "nl"):
        catalogue = _messages.catalogues()[lang]
        assert set(catalogue["caveats"]) == set(CAVEATS), lang
        assert set(catalogue["methods"]) == set(method_names()), lang
