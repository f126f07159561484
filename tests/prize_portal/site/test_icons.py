"""The site's icons: an SVG favicon and a 180 px touch icon, linked from every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from PIL import Image

pytestmark = pytest.mark.django_db


def test_every_page_links_the_icons(client: Client) -> None:
    html = client.get("/en/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/apple-touch-icon.png">' in html


def test_the_touch_icon_is_a_square_180_px_png() -> None:
    found = finders.find("apple-touch-icon.png")
    assert isinstance(found, str)
    with Image.open(Path(found)) as image:
        assert (image.format, image.size) == ("PNG", (180, 180))
        assert image.convert("RGB").getpixel((0, 0)) == (11, 61, 102)  # full-bleed: the system rounds the corners
