"""The message catalogues: one TOML file per language, every file complete and consistent."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goalframe as gf
from goalframe import _messages
from goalframe.cli import app
from goalframe.render import _i18n

LOCALES = Path(_messages.__file__).parent / "locales"
ROOT = Path(__file__).resolve().parents[2]


def _load(path: Path) -> dict[str, dict[str, str]]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _fields(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


@pytest.mark.parametrize("path", sorted(LOCALES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_catalogue_has_the_keys_and_placeholders_of_english(path: Path) -> None:
    english, other = _load(LOCALES / "en.toml"), _load(path)
    assert set(other) == set(english)
    for table, messages in english.items():
        assert set(other[table]) == set(messages), f"{path.name} [{table}]"
        for key, message in messages.items():
            assert _fields(other[table][key]) == _fields(message), f"{path.name} {table}.{key}"
    from babel import Locale

    assert Locale.parse(other["language"]["locale"]).language == path.stem
    assert re.fullmatch(r"[a-z]{2,3}", path.stem)


def _clear() -> None:
    _messages.catalogues.cache_clear()


def test_a_language_is_added_by_adding_a_file() -> None:
    # No code change: a copy of en.toml with translated values is a new language for the
    # renderers and the command line alike.
    added = LOCALES / "xx.toml"
    text = (LOCALES / "en.toml").read_text(encoding="utf-8")
    added.write_text(
        text.replace('achieved = "achieved"', 'achieved = "XX-achieved"').replace(
            'locale = "en_GB"', 'locale = "de_DE"'
        ),
        encoding="utf-8",
    )
    _clear()
    try:
        assert "xx" in _i18n.languages()
        card = gf.evaluate(
            gf.load_framework(ROOT / "examples/nl-drug-policy/goals.yaml"),
            gf.load_observations(ROOT / "examples/nl-drug-policy/observations.csv"),
        )
        text = card.to_markdown(lang="xx")
        assert "XX-achieved" in text and "25.900 (2024)" in text
        ended = CliRunner().invoke(
            app,
            [
                "scorecard",
                str(ROOT / "examples/nl-drug-policy/goals.yaml"),
                "-d",
                str(ROOT / "examples/nl-drug-policy/observations.csv"),
                "--lang",
                "xx",
                "-f",
                "markdown",
            ],
            env={"SOURCE_DATE_EPOCH": "1795824000"},
        )
        assert ended.exit_code == 0 and "XX-achieved" in ended.stdout
    finally:
        added.unlink()
        _clear()
    assert "xx" not in _i18n.languages()


def test_an_unknown_language_lists_the_catalogues() -> None:
    ended = CliRunner().invoke(
        app,
        [
            "scorecard",
            str(ROOT / "examples/nl-drug-policy/goals.yaml"),
            "-d",
            str(ROOT / "examples/nl-drug-policy/observations.csv"),
            "--lang",
            "fr",
        ],
    )
    assert ended.exit_code == 2
    assert "unknown language 'fr'; choose one of en, nl" in ended.stderr
    # In a goal file too: a located error when the file is loaded, never a traceback.
    with pytest.raises(gf.SpecError, match=r"3:11: language: no catalogue for language 'fr'"):
        gf.parse_framework("id: x\ntitle: T\nlanguage: fr\n")
