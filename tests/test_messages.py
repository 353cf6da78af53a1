"""Texts built from data: English strings that other languages say in their own words."""

from __future__ import annotations

import datetime
import pickle

from hypothesis import given
from hypothesis import strategies as st

from goalframe._messages import Message, Term, date, localise, number, percent, say


def test_a_message_is_its_english_text_and_says_itself_in_dutch() -> None:
    message = Message("missing_periods_more", periods=["2015", "2016"], more=1234)
    assert message == "no figure for 2015, 2016 and 1,234 more"
    assert isinstance(message, str) and message.key == "missing_periods_more"
    assert say(message, "nl") == "geen cijfer voor 2015, 2016 en nog 1.234"
    assert say("plain text", "nl") == "plain text"  # text that is not a message stays


def test_nested_messages_terms_and_clauses() -> None:
    flagged = Message(
        "list",
        items=[
            Message("flag_periods", flag=Term("flags", "revised"), periods=["2016"]),
            Message("flag_periods", flag=Term("flags", "approx"), periods=["2014", "2015"]),
        ],
    )
    assert flagged == "revised: 2016; approximate: 2014, 2015"
    assert flagged.say("nl") == "herzien: 2016; bij benadering: 2014, 2015"
    known = Message("period_value", period="2019", value=35357.7)
    assert known == "2019: 35,357.7" and known.say("nl") == "2019: 35.357,7"


def test_a_message_survives_pickling_with_its_key() -> None:
    message = Message("no_figure_yet_total", periods=["2024"], total=1300.0, target=2000.0)
    again = pickle.loads(pickle.dumps(message))
    assert again == message and again.say("nl") == message.say("nl")
    assert message == "no figure in the data for 2024; the total so far is 1,300 of 2,000"


def test_numbers_percentages_and_dates_follow_the_locale() -> None:
    assert number(40641, "nl") == "40.641" and number(-35357.7, "nl") == "-35.357,7"
    assert number(40641) == "40,641" and number(None, "nl") == "–"
    assert percent(0.57) == "57%" and percent(0.57, "nl") == "57%"
    assert localise("1,234.56", "nl") == "1.234,56"
    day = datetime.date(2026, 11, 28)
    assert date(day) == "28 November 2026" and date(day, "nl") == "28 november 2026"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_dutch_numbers_are_english_numbers_with_the_separators_swapped(value: float) -> None:
    # The digits are the same; only "," and "." change places: no reader takes forty
    # thousand for forty.
    english, dutch = number(value), number(value, "nl")
    assert dutch == english.translate(str.maketrans({",": ".", ".": ","}))


def test_method_labels_in_dutch_with_their_counts() -> None:
    from goalframe._messages import label

    assert label("missed, moved away", "nl") == "niet gehaald, van het doel af"
    assert label("missed, moved away (2 of 6 met)", "nl") == (
        "niet gehaald, van het doel af (2 van 6 gehaald)"
    )
    assert label("met (2 of 3)", "nl") == "gehaald (2 van 3)"
    assert label("plugin_label", "nl") == "plugin_label"  # an identifier it has no words for
    assert label("missed, moved away", "en") == "missed, moved away"


def _method_labels() -> set[str]:
    """Every label a built-in method can give, read from the methods' source.

    Labels are string constants assigned to a name ``label`` (alone or in a tuple with the
    status), keys of the label -> Status tables, and ``milestone_missed, <movement>``.
    """
    import ast
    from pathlib import Path

    import goalframe.progress

    found: set[str] = set()
    folder = Path(goalframe.progress.__file__).parent
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    names = target.elts if isinstance(target, ast.Tuple) else [target]
                    values = node.value.elts if isinstance(node.value, ast.Tuple) else None
                    for i, name in enumerate(names):
                        if not (isinstance(name, ast.Name) and name.id == "label"):
                            continue
                        value = node.value if values is None else values[i]
                        branches = (
                            [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                        )
                        found.update(
                            b.value
                            for b in branches
                            if isinstance(b, ast.Constant) and isinstance(b.value, str)
                        )
            if isinstance(node, ast.Dict) and any(
                isinstance(v, ast.Attribute) and getattr(v.value, "id", "") == "Status"
                for v in node.values
            ):
                found.update(k.value for k in node.keys if isinstance(k, ast.Constant))
    movements = ("moved towards it", "moved away", "no change seen")
    found.update(f"milestone_missed, {m}" for m in movements)
    return found


def test_every_method_label_has_dutch_words() -> None:
    from goalframe._messages import label

    labels = _method_labels()
    # The collector reads what it should: labels of five methods' modules.
    assert {"norm_partly_met", "substantial_progress", "acceleration_needed", "red"} <= labels
    assert {"significant_movement_away", "cap_exceeded", "unlikely", "reverse"} <= labels
    untranslated = sorted(t for t in labels if label(t, "nl") == t)
    assert untranslated == []
    assert label("norm_partly_met", "nl") == "norm deels gehaald"
    assert label("milestone_missed, moved away (1 of 3 met)", "nl") == (
        "mijlpaal niet gehaald, van het doel af (1 van 3 gehaald)"
    )
