"""Did-you-mean suggestions: the trigram index finds what comparing with every name finds.

`Index` replaced comparing each unknown id with every known one (16,000 unknown ids against
1,000 indicators took 30 s): each name is compared with the few known names that share the
most trigrams with it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from goalframe import _suggest
from goalframe._suggest import Index, close_matches

IDS = st.text(alphabet="abcdefghij-_0123456789", min_size=4, max_size=14)


@settings(max_examples=60, deadline=None)
@given(st.lists(IDS, min_size=1, max_size=40, unique=True), IDS)
def test_a_small_index_suggests_exactly_what_close_matches_does(
    known: list[str], name: str
) -> None:
    assert Index(known).close(name) == close_matches(name, known)


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 1999), st.integers(0, 8))
def test_a_large_index_finds_the_id_a_letter_was_dropped_from(number: int, at: int) -> None:
    known = [f"indicator-{k:04d}" for k in range(2000)]
    meant = known[number]
    typo = meant[:at] + meant[at + 1 :]  # a letter of "indicator" dropped
    assert Index(known).close(typo)[0] == meant
    assert close_matches(typo, known)[0] == meant  # as comparing with all 2,000 finds it


def test_a_large_index_compares_few_names(monkeypatch: object) -> None:
    compared: list[int] = []
    real = _suggest.close_matches

    def counting(name: str, known: list[str], *, limit: int = 3) -> list[str]:
        compared.append(len(list(known)))
        return real(name, known, limit=limit)

    import pytest

    patch = pytest.MonkeyPatch()
    patch.setattr(_suggest, "close_matches", counting)
    try:
        index = Index(f"indicator-{k}" for k in range(5000))
        assert (
            index.close("indicatr-4242")
            == ["indicator-4242"][:1] + index.close("indicatr-4242")[1:]
        )
        assert max(compared) <= Index.CANDIDATES  # never all 5,000
    finally:
        patch.undo()


def test_after_the_limit_names_get_no_suggestion() -> None:
    index = Index(f"indicator-{k}" for k in range(100))
    said = [index.close(f"indicatr-{k}") for k in range(Index.LIMIT + 5)]
    assert all(said[k] for k in range(50))
    assert said[-5:] == [[]] * 5
