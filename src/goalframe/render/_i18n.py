from __future__ import annotations

from collections.abc import Mapping

from goalframe._assessment import Status

#: The languages the renderers speak.
LANGUAGES = ("en", "nl")

_STATUS: Mapping[str, Mapping[Status, str]] = {
    "en": {
        Status.ACHIEVED: "achieved",
        Status.ON_TRACK: "on track",
        Status.NEEDS_ACCELERATION: "needs acceleration",
        Status.INSUFFICIENT_PROGRESS: "insufficient progress",
        Status.MOVING_AWAY: "moving away",
        Status.MISSED: "missed",
        Status.OUTCOME_UNKNOWN: "outcome unknown",
        Status.NOT_ASSESSABLE: "not assessable",
    },
    "nl": {
        Status.ACHIEVED: "behaald",
        Status.ON_TRACK: "op koers",
        Status.NEEDS_ACCELERATION: "versnelling nodig",
        Status.INSUFFICIENT_PROGRESS: "onvoldoende voortgang",
        Status.MOVING_AWAY: "beweegt van het doel af",
        Status.MISSED: "niet gehaald",
        Status.OUTCOME_UNKNOWN: "uitkomst onbekend",
        Status.NOT_ASSESSABLE: "niet te beoordelen",
    },
}

_TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "owner": "Owner",
        "period": "Period",
        "as_of": "As of",
        "latest_data": "latest data",
        "method": "Method",
        "policy_document": "Policy document",
        "measurability": "Measurability",
        "measurability_value": "{score} of objectives pass every error-level lint rule "
        "({passing} of {total})",
        "verdicts": "Verdicts",
        "objectives": "Objectives",
        "objective": "Objective",
        "level": "Level",
        "verdict": "Verdict",
        "score": "Score",
        "score_range": "Score (0–4)",
        "indicators": "Indicators",
        "indicator": "Indicator",
        "unit": "Unit",
        "baseline": "Baseline",
        "latest": "Latest",
        "target": "Target",
        "progress": "Progress",
        "progress_made_expected": "Progress made / expected",
        "expected": "expected",
        "trend": "Trend",
        "notes": "Notes",
        "notes_and_sources": "Notes and sources",
        "not_assessable": "not assessable",
        "how_to_read": "How to read it",
        "source": "Source",
        "definition": "Definition",
        "target_set_in": "Target set in",
        "context": "Context",
        "context_indicators": "Context indicators (shown, not scored)",
        "explanation": "How this verdict was reached",
        "flags": "Flags",
        "set_aside": "Observations set aside",
        "set_aside_summary": "{count} observation(s) set aside",
        "reason": "Reason",
        "rows": "Rows",
        "goals": "Goals",
        "data": "Data",
        "chart_title": "{name}: observed values, target line and target",
        "chart_desc": "Observed {unit} from {first} to {last}; {verdict}.",
        "observed": "observed",
        "target_line": "target line",
        "norm_line": "norm over its span",
        "norm_missed": "below the norm",
        "target_points": "targets",
        "projection": "projection",
        "rollup": "Roll-up rule",
        "none": "none",
        "no_data": "no data",
        "assessment_date": "Assessment date",
        "assessment_date_today": "{date} (the day of the run; pass --as-of to reproduce)",
        "caveats": "Caveats",
        "caveat": "caveat",
        "target_note": "Target note",
        "objective_note": "Note",
        "provenance": "Target",
        "provenance_official": "official",
        "provenance_proposed": "proposed",
        "provenance_illustrative": "illustrative",
        "met_of": "met {met} of {decided}",
        "final": "final",
        "progress_moved_away": "moved away",
        "progress_beyond": "> 200 %",
        "periods_met": "{met} of {total} met",
        "outcome_unknown": "outcome unknown",
        "goalposts": "Goalposts",
        "target_earlier": "earlier",
        "target_in_force": "in force",
        "target_to_come": "to come",
    },
    "nl": {
        "owner": "Eigenaar",
        "period": "Periode",
        "as_of": "Stand per",
        "latest_data": "laatste gegevens",
        "method": "Methode",
        "policy_document": "Beleidsdocument",
        "measurability": "Meetbaarheid",
        "measurability_value": "{score} van de doelen doorstaat alle lintregels van "
        "foutniveau ({passing} van {total})",
        "verdicts": "Oordelen",
        "objectives": "Doelen",
        "objective": "Doel",
        "level": "Niveau",
        "verdict": "Oordeel",
        "score": "Score",
        "score_range": "Score (0–4)",
        "indicators": "Indicatoren",
        "indicator": "Indicator",
        "unit": "Eenheid",
        "baseline": "Nulmeting",
        "latest": "Laatste",
        "target": "Streefwaarde",
        "progress": "Voortgang",
        "progress_made_expected": "Voortgang gemaakt / verwacht",
        "expected": "verwacht",
        "trend": "Trend",
        "notes": "Toelichting",
        "notes_and_sources": "Toelichting en bronnen",
        "not_assessable": "niet te beoordelen",
        "how_to_read": "Zo lees je dit",
        "source": "Bron",
        "definition": "Definitie",
        "target_set_in": "Streefwaarde vastgelegd in",
        "context": "Context",
        "context_indicators": "Contextindicatoren (getoond, niet beoordeeld)",
        "explanation": "Hoe dit oordeel tot stand kwam",
        "flags": "Markeringen",
        "set_aside": "Terzijde gelegde waarnemingen",
        "set_aside_summary": "{count} waarneming(en) terzijde gelegd",
        "reason": "Reden",
        "rows": "Rijen",
        "goals": "Doelen",
        "data": "Gegevens",
        "chart_title": "{name}: waarnemingen, doellijn en streefwaarde",
        "chart_desc": "Waargenomen {unit} van {first} tot {last}; {verdict}.",
        "observed": "waargenomen",
        "target_line": "doellijn",
        "norm_line": "norm over de looptijd",
        "norm_missed": "norm niet gehaald",
        "target_points": "streefwaarden",
        "projection": "projectie",
        "rollup": "Optelregel",
        "none": "geen",
        "no_data": "geen gegevens",
        "assessment_date": "Peildatum",
        "assessment_date_today": "{date} (de dag van de berekening; geef --as-of om die te "
        "herhalen)",
        "caveats": "Kanttekeningen",
        "caveat": "kanttekening",
        "target_note": "Toelichting streefwaarde",
        "objective_note": "Toelichting",
        "provenance": "Streefwaarde",
        "provenance_official": "officieel",
        "provenance_proposed": "voorgesteld",
        "provenance_illustrative": "ter illustratie",
        "met_of": "{met} van {decided} gehaald",
        "final": "definitief",
        "progress_moved_away": "van het doel af",
        "progress_beyond": "> 200 %",
        "periods_met": "{met} van {total} gehaald",
        "outcome_unknown": "uitkomst onbekend",
        "goalposts": "Verschoven doelen",
        "target_earlier": "eerder",
        "target_in_force": "nu van kracht",
        "target_to_come": "komt nog",
    },
}

_FLAGS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "approx": "approximate",
        "derived": "derived",
        "revised": "revised",
        "provisional": "provisional",
        "estimated": "estimated",
        "break": "break in series",
        "suspect": "suspect",
    },
    "nl": {
        "approx": "afgerond",
        "derived": "afgeleid",
        "revised": "herzien",
        "provisional": "voorlopig",
        "estimated": "geschat",
        "break": "trendbreuk",
        "suspect": "twijfelachtig",
    },
}


_TARGET_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {},
    "nl": {
        "at_least": "ten minste",
        "at_most": "ten hoogste",
        "a_year": "per jaar",
        "a_quarter": "per kwartaal",
        "a_period": "per periode",
        "in_total": "in totaal",
        "milestones": "mijlpalen",
        "between": "tussen {low} en {high}",
        "by": "uiterlijk",
        "done": "gereed",
        "no_value": "geen waarde",
        "set": "vastgesteld",
        "now": "nu",
        "number_style": "nl",
    },
}


def target_words(lang: str) -> Mapping[str, str]:
    """The words a target is described with (`Goal.describe`), in ``lang``."""
    return _TARGET_WORDS[lang]


def language(lang: str | None, default: str) -> str:
    """The language to render in: ``lang`` if given, else the goal file's."""
    chosen = lang or default
    if chosen not in LANGUAGES:
        msg = f"unknown language {chosen!r}; choose one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    return chosen


def text(lang: str, key: str, **values: object) -> str:
    """A fixed text in ``lang``, with values filled in."""
    message = _TEXT[lang][key]
    return message.format(**values) if values else message


def texts(lang: str) -> Mapping[str, str]:
    """Every fixed text in ``lang``, by key (for templates)."""
    return _TEXT[lang]


def status(lang: str, value: Status) -> str:
    """A status in plain words."""
    return _STATUS[lang][value]


def flag(lang: str, name: str) -> str:
    """A flag's meaning in plain words."""
    return _FLAGS[lang][name]
