"""Take the docs' screenshots of the example's HTML scorecard in headless Chromium.

python docs/_scripts/screenshots.py    # writes docs/images/scorecard-*.png
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
SIZES = {"desktop": (1280, 1900), "phone": (390, 1700)}


def main() -> None:
    import goalframe as gf

    framework = gf.load_framework(ROOT / "examples" / "nl-drug-policy" / "goals.yaml")
    observations = gf.load_observations(ROOT / "examples" / "nl-drug-policy" / "observations.csv")
    html = gf.evaluate(framework, observations).to_html()
    browser = shutil.which("chromium")
    if browser is None:
        msg = "install Debian's chromium first"
        raise SystemExit(msg)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "scorecard.html"
        page.write_text(html, encoding="utf-8")
        for name, (width, height) in SIZES.items():
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
                    f"--window-size={width},{height}",
                    f"--screenshot={IMAGES / f'scorecard-{name}.png'}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
            )


if __name__ == "__main__":
    main()
