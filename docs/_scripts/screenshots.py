"""Take the docs' screenshots of the example's HTML scorecard in headless Chromium.

python docs/_scripts/screenshots.py    # writes docs/images/scorecard-*.png

One desktop and one phone shot per language: ``scorecard-desktop.png`` (English) and
``scorecard-desktop-nl.png`` (Dutch), the same for ``phone``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
SIZES = {"desktop": (1280, 1900), "phone": (390, 4200)}
#: Headless Chromium opens no window narrower than 500 px: the phone shot frames the page in
#: an iframe exactly 390 px wide (a phone's CSS width) on a grey surround.
PHONE_WINDOW = 500


def main() -> None:
    import goalframe as gf

    framework = gf.load_framework(ROOT / "examples" / "nl-drug-policy" / "goals.yaml")
    observations = gf.load_observations(ROOT / "examples" / "nl-drug-policy" / "observations.csv")
    card = gf.evaluate(framework, observations)
    browser = shutil.which("chromium")
    if browser is None:
        msg = "install Debian's chromium first"
        raise SystemExit(msg)
    for lang, suffix in (("en", ""), ("nl", "-nl")):
        _shoot(browser, card.to_html(lang=lang), suffix)


def _shoot(browser: str, html: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "scorecard.html"
        page.write_text(html, encoding="utf-8")
        phone = Path(tmp) / "phone.html"
        width, height = SIZES["phone"]
        phone.write_text(
            '<!doctype html><html><body style="margin:0;background:#c9c9cf">'
            f'<iframe style="display:block;margin:0 auto;width:{width}px;height:{height}px;'
            f'border:0" srcdoc="{escape(html, quote=True)}"></iframe></body></html>',
            encoding="utf-8",
        )
        for name, (width, height) in SIZES.items():
            target = page if name == "desktop" else phone
            window = width if name == "desktop" else PHONE_WINDOW
            subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--hide-scrollbars",
                    f"--user-data-dir={tmp}/{name}",
                    f"--window-size={window},{height}",
                    f"--screenshot={IMAGES / f'scorecard-{name}{suffix}.png'}",
                    target.as_uri(),
                ],
                check=True,
                capture_output=True,
            )


if __name__ == "__main__":
    main()
