"""Refusals said in Dutch by explain, SDMX-CSV, lint and the command line itself, and unit traps."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from goalframe.cli import app

from .test_errors_in_dutch import ENV, GOALS, ROWS, SDMX_HEAD, _error_fragments, _run, _scorecard


def test_explain_names_an_unknown_indicator_in_dutch(tmp_path: Path) -> None:
    make = _scorecard(obs_csv="indicator,period,value,unit\nafval,2018,300,dumping\n")
    args = make(tmp_path)
    args[0] = "explain"
    code, said = _run(*args, "-i", "afvl", "--lang", "nl")
    assert code == 2
    assert "geen indicator 'afvl' (bedoelt u 'afval'?); het bestand definieert afval" in said
    code, said = _run(*args, "-i", "afval", "--group", "Utrecht", "--lang", "nl")
    assert code == 2
    assert "indicator 'afval' heeft geen groepen (geen `by:` in het doelenbestand)" in said
    code, said = _run(*args, "-i", "afvl")
    assert "no indicator 'afvl' (did you mean 'afval'?); the file defines afval" in said


def test_an_sdmx_missing_value_is_set_aside_in_dutch_words(tmp_path: Path) -> None:
    data = (
        f"{SDMX_HEAD}\nX,A,afval,NL,2018,300,dumping,A\nX,A,afval,NL,2019,,dumping,M\n"
        "X,A,afval,NL,2020,,dumping,:\n"
    )
    args = _scorecard(obs_csv=data)(tmp_path)
    result = CliRunner().invoke(
        app, [str(a) for a in args] + ["--lang", "nl", "-f", "markdown"], env=ENV
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.replace("\\", "").split())
    assert "ontbrekende waarde (gegevens kunnen niet bestaan) (OBS_STATUS M)" in text
    assert "niet beschikbaar (OBS_STATUS :)" in text
    english = CliRunner().invoke(app, [str(a) for a in args] + ["-f", "markdown"], env=ENV)
    assert "missing value (data cannot exist) (OBS\\_STATUS M)" in english.stdout


def test_lint_reports_unreadable_files_in_dutch(tmp_path: Path) -> None:
    # Lint makes findings of the same errors (F003, F005): the text report says them in Dutch.
    args = _scorecard(obs_csv=ROWS)(tmp_path)
    alias = tmp_path / "alias.yaml"
    alias.write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["lint", str(args[1]), str(alias), "--data", str(args[3]), "--lang", "nl"], env=ENV
    )
    assert result.exit_code == 2
    text = " ".join(result.stdout.split())
    assert "F005 [fout] bestand obs.csv: 13 regels kunnen niet gelezen worden" in text
    assert "obs.csv:2: kolom 'value': waarde '12x' is geen getal" in text
    assert "F003 [fout] bestand alias.yaml: YAML-ankers en -aliassen" in text
    assert "alias.yaml: 1 fout, 0 waarschuwingen, 0 meldingen (kon niet worden gelezen)" in text
    leaks = [f for f in _error_fragments() if f in text]
    assert not leaks, leaks
    english = CliRunner().invoke(app, ["lint", str(alias), "--data", str(args[3])], env=ENV)
    said = " ".join(english.stdout.split())
    assert "F005 [error] file obs.csv: 13 rows cannot be read" in said
    assert "alias.yaml: 1 error, 0 warnings, 0 infos (could not be read)" in said


def test_the_command_lines_own_refusals_in_dutch(tmp_path: Path) -> None:
    args = _scorecard(obs_csv="indicator,period,value,unit\nafval,2018,300,dumping\n")(tmp_path)
    goals = args[1]
    cases = [
        (["-o", goals], 2, f"{goals}: de uitvoer zou de invoer {goals} overschrijven"),
        (["-o", tmp_path], 2, "dit is een map; geef een bestandsnaam voor de uitvoer"),
        (["-o", tmp_path / "nee" / "k.md"], 2, "bestaat niet; maak haar eerst aan"),
        (["--method", "all", "-f", "csv"], 2, "--method all geeft uitvoer als table, markdown"),
        (
            ["--fail-on", "not_assessable"],
            1,
            "de drempel is overschreden bij 1 indicator(en): afval",
        ),
    ]
    for extra, exit_code, dutch in cases:
        code, said = _run(*args, *extra, "--lang", "nl")
        assert code == exit_code, said
        assert dutch in said, said
        code, said = _run(*args, *extra)
        assert code == exit_code and "de " not in said, said


def test_the_unit_traps_in_the_catalogue_are_the_libraries_own() -> None:
    # `unit_trap` keeps its English text beside TRAPS; the catalogue says it in every language.
    from goalframe.units import TRAPS, trap_message

    for token, text in TRAPS.items():
        assert trap_message(token) == text, token
        assert trap_message(token).say("nl") != text, token


def test_lint_names_a_unit_trap_in_dutch(tmp_path: Path) -> None:
    goals = tmp_path / "goals.yaml"
    goals.write_text(GOALS.replace("unit: dumping", "unit: ton"), encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(goals), "--lang", "nl"], env=ENV)
    text = " ".join(result.stdout.split())
    assert "M013 [waarschuwing] indicator afval: de eenheid 'ton' is niet wat ze lijkt" in text
    assert "'ton' is in pint de Amerikaanse korte ton (907 kg)" in text
    assert "oplossing: schrijf voor metrische ton 't' of 'tonne'" in text
    english = CliRunner().invoke(app, ["lint", str(goals)], env=ENV).stdout
    assert "'ton' is the US short ton (907 kg) in pint" in " ".join(english.split())
