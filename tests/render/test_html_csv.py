from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

import goalframe as gf
from goalframe.render.csv import COLUMNS, safe_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
HOSTILE = '<script>alert(1)</script> & "quotes"'


@pytest.fixture
def card(monkeypatch: pytest.MonkeyPatch) -> gf.Scorecard:
    monkeypatch.chdir(ROOT)
    framework = gf.load_framework("examples/nl-drug-policy/goals.yaml")
    observations = gf.load_observations("examples/nl-drug-policy/observations.csv")
    return gf.evaluate(framework, observations)


def test_html_golden_and_deterministic(card: gf.Scorecard) -> None:
    html = card.to_html()
    assert html == card.to_html()  # byte-identical: no timestamps, stable order
    path = GOLDEN / "example.html"
    if os.environ.get("GOALFRAME_UPDATE_GOLDEN") == "1":
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


def test_html_is_self_contained_and_accessible(card: gf.Scorecard) -> None:
    html = card.to_html()
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<script" not in html.lower()
    assert not re.search(r"\b(src|srcset)=", html)  # no images, frames or scripts to load
    assert "<link" not in html and "@import" not in html and "url(" not in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert html.count('<article class="indicator"') == len(card.indicators)
    svgs = re.findall(r"<svg.*?</svg>", html, re.DOTALL)
    assert len(svgs) == len(card.indicators)
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "<table>" in html and 'scope="col"' in html
    assert "<details open>" in html  # the objective tree is collapsible
    for words in ("insufficient progress", "outcome unknown", "achieved", "How to read it"):
        assert words in html


def test_html_in_dutch(card: gf.Scorecard) -> None:
    html = card.to_html(lang="nl")
    assert '<html lang="nl">' in html
    assert "onvoldoende voortgang" in html and "Streefwaarde" in html and "Zo lees je dit" in html
    assert "uitkomst onbekend" in html and "ter illustratie" in html
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        card.to_html(lang="fr")


def test_html_escapes_user_text() -> None:
    spec = {
        "id": "h",
        "title": HOSTILE,
        "description": HOSTILE,
        "objectives": [{"id": "o", "statement": HOSTILE, "indicators": ["i"]}],
        "indicators": [
            {
                "id": "i",
                "name": HOSTILE,
                "unit": "case",
                "direction": "increase",
                "interpretation": HOSTILE,
                "definition": HOSTILE,
                "source": {"name": HOSTILE, "url": "javascript:alert(1)"},
                "target": {"baseline": {"value": 1, "period": 2020}, "value": 3, "deadline": 2024},
            }
        ],
    }
    framework = gf.compile_framework(gf.schema.FrameworkSpec.model_validate(spec))
    obs = gf.observations_from_records(
        [{"indicator": "i", "period": 2022, "value": 2, "unit": "case", "note": HOSTILE}]
    )
    html = gf.evaluate(framework, obs).to_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html  # only http(s) sources become links
    assert html.count("&lt;script&gt;") >= 6  # title, header, tree, name, notes, chart


def test_repr_html(card: gf.Scorecard) -> None:
    assert card._repr_html_() == card.to_html()


def test_csv_rows_and_columns(card: gf.Scorecard) -> None:
    text = card.to_csv()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert len([r for r in rows if r["record"] == "indicator"]) == len(card.indicators)
    # Every row read and not used is there too, with its reason and place.
    aside = [r for r in rows if r["record"] == "set_aside"]
    assert len(aside) == len(card.set_aside) == 55
    assert aside[0]["reason"].startswith("breakdown not assessed")
    assert aside[0]["location"].startswith("examples/nl-drug-policy/observations.csv:")
    dumpings = next(r for r in rows if r["indicator"] == "drug_waste_dumpings")
    assert dumpings["status"] == "insufficient_progress"
    assert float(dumpings["baseline"]) == 191.0
    assert float(dumpings["progress"]) == 0  # 191 in 2023, as in 2019: no progress
    assert (dumpings["target_provenance"], dumpings["final"]) == ("illustrative", "false")
    assert dumpings["caveats"].startswith("illustrative-target: ")
    assert dumpings["unit"] == "dumping"
    cannabis = next(r for r in rows if r["indicator"] == "cannabis_plantations_dismantled")
    assert float(cannabis["progress"]) < 0  # a negative number stays a number
    assets = next(r for r in rows if r["indicator"] == "criminal_assets_collected")
    assert assets["latest_flags"] == ""
    assert card.to_csv() == text


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+31 6", "'+31 6"),
        ("-1+1", "'-1+1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("", ""),
        (None, ""),
    ],
)
def test_formula_injection_is_neutralised(text: str | None, safe: str) -> None:
    assert safe_text(text) == safe


def test_csv_neutralises_hostile_names() -> None:
    spec = {
        "id": "cmd",
        "title": "T",
        "indicators": [
            {"id": "i", "name": '=HYPERLINK("http://x")', "unit": "case", "source": "@SUM(1)"}
        ],
    }
    framework = gf.compile_framework(gf.schema.FrameworkSpec.model_validate(spec))
    row = next(csv.DictReader(io.StringIO(gf.evaluate(framework, []).to_csv())))
    assert row["framework"] == "cmd"
    assert row["name"].startswith("'=HYPERLINK")
    assert row["source"] == "'@SUM(1)"


# --- a real browser --------------------------------------------------------------------------

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
# Hosts the browser itself contacts (update checks, accounts) even when told not to; a
# scorecard page must not cause any request beyond these.
BROWSER_SERVICES = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com")


def _png_is_blank(png: bytes) -> bool:
    chunks, pos = [], 8
    while pos < len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        kind = png[pos + 4 : pos + 8]
        if kind == b"IDAT":
            chunks.append(png[pos + 8 : pos + 8 + length])
        pos += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return len(set(pixels)) < 16


def _chromium(args: list[str], user_dir: str) -> subprocess.CompletedProcess[bytes]:
    assert BROWSER is not None
    base = [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={user_dir}",
    ]
    return subprocess.run([*base, *args], capture_output=True, timeout=120, check=False)


def _requests(netlog: Path) -> set[str]:
    urls = set(re.findall(r'"url":"([^"]+)"', netlog.read_text(encoding="utf-8", errors="replace")))
    out = set()
    for url in urls:
        host = re.sub(r"^[a-z]+://([^/:]+).*$", r"\1", url)
        if url.startswith(("http://", "https://", "ws://", "wss://")) and not host.endswith(
            BROWSER_SERVICES
        ):
            out.add(url)
    return out


@pytest.mark.skipif(
    BROWSER is None and not os.environ.get("GOALFRAME_REQUIRE_BROWSER"),
    reason="chromium is not installed (CI installs it)",
)
@pytest.mark.parametrize(("width", "height"), [(1280, 2000), (390, 2400)])
def test_renders_in_headless_chromium(card: gf.Scorecard, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "scorecard.html"
        page.write_text(card.to_html(), encoding="utf-8")
        shot, netlog = Path(tmp) / "shot.png", Path(tmp) / "net.json"
        result = _chromium(
            [
                f"--window-size={width},{height}",
                f"--screenshot={shot}",
                f"--log-net-log={netlog}",
                page.as_uri(),
            ],
            tmp + "/profile",
        )
        assert shot.exists(), result.stderr.decode(errors="replace")[-2000:]
        assert not _png_is_blank(shot.read_bytes())
        assert _requests(netlog) == set()
        dom = _chromium(["--dump-dom", page.as_uri()], tmp + "/profile2").stdout.decode()
        for words in ("insufficient progress", "outcome unknown", "achieved", "Drug-waste"):
            assert words in dom


@pytest.mark.skipif(
    BROWSER is None and not os.environ.get("GOALFRAME_REQUIRE_BROWSER"),
    reason="chromium is not installed (CI installs it)",
)
def test_request_detection_works(tmp_path: Path) -> None:
    # The check above must be able to fail: a page with an external image is caught.
    page = tmp_path / "leaky.html"
    page.write_text(
        '<html><body><img src="https://example.org/x.png"></body></html>', encoding="utf-8"
    )
    netlog = tmp_path / "net.json"
    _chromium([f"--log-net-log={netlog}", "--dump-dom", page.as_uri()], str(tmp_path / "p"))
    assert "https://example.org/x.png" in _requests(netlog)
