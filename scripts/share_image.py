"""Makes static/img/share-default.png, the 1200 x 630 card that a shared page
shows when it has no winner's photo: the prize's logo (static/img/prize-logo.svg)
with the prize's name in English and Korean.

WeasyPrint lays the card out as a one-page PDF of 1200 x 630 CSS pixels and
pdftoppm (poppler-utils) rasterises it to exactly 1200 x 630. The Korean name
comes from the Korean catalogue, so the card says what the site says. Run it
again after the logo changes:

    .venv/bin/python scripts/share_image.py
"""

import gettext
import html
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOGO = ROOT / "static" / "img" / "prize-logo.svg"
OUTPUT = ROOT / "static" / "img" / "share-default.png"
WIDTH, HEIGHT = 1200, 630

NAME = "Seoul Smart City Prize"
HOSTS = "Seoul Metropolitan Government · WeGO"

STYLE = """
@page { size: 1200px 630px; margin: 0; }
html, body { margin: 0; }
body {
  width: 1200px; height: 630px; box-sizing: border-box;
  background: #f6f4ee; color: #0b3d66;
  font-family: "Noto Sans", "Noto Sans CJK KR", sans-serif;
  border-bottom: 14px solid #ffd24d;
  display: flex; align-items: center; justify-content: center;
}
.card { display: flex; align-items: center; }
.logo { width: 220px; height: 220px; margin-right: 56px; }
.names { border-left: 3px solid #d9d3c3; padding-left: 52px; }
.name { margin: 0; font-size: 54px; font-weight: 700; line-height: 1.15; }
.name--ko { margin-top: 14px; font-family: "Noto Sans CJK KR", sans-serif; font-size: 42px; font-weight: 700; }
.hosts { margin: 32px 0 0; font-size: 22px; color: #4a5866; }
"""


def korean(message: str) -> str:
    catalogue = gettext.translation("django", localedir=ROOT / "locale", languages=["ko"])
    return catalogue.gettext(message)


def card_html() -> str:
    logo = LOGO.read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><style>{STYLE}</style></head>
<body><div class="card">
  <div class="logo">{logo.replace('width="120" height="120"', 'width="220" height="220"')}</div>
  <div class="names">
    <p class="name">{html.escape(NAME)}</p>
    <p class="name name--ko" lang="ko">{html.escape(korean(NAME))}</p>
    <p class="hosts">{html.escape(HOSTS)}</p>
  </div>
</div></body></html>"""


def main() -> None:
    from weasyprint import HTML

    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "share.pdf"
        HTML(string=card_html(), base_url=str(ROOT)).write_pdf(pdf)
        subprocess.run(  # noqa: S603 (our own file names)
            [  # noqa: S607 (poppler from the system, as in the certificate tests)
                "pdftoppm",
                "-png",
                "-singlefile",
                "-scale-to-x",
                str(WIDTH),
                "-scale-to-y",
                str(HEIGHT),
                str(pdf),
                str(OUTPUT.with_suffix("")),
            ],
            check=True,
        )
    sys.stdout.write(f"{OUTPUT.relative_to(ROOT)}: {WIDTH} x {HEIGHT}\n")


if __name__ == "__main__":
    main()
