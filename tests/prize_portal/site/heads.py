"""Reading a page's head as search engines and share previews do: its
<link> and <meta> tags, by rel and by name or property."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Head:
    links: list[dict[str, str]] = field(default_factory=list)
    metas: list[dict[str, str]] = field(default_factory=list)

    def rel(self, rel: str) -> list[dict[str, str]]:
        return [link for link in self.links if link.get("rel") == rel]

    def hreflangs(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.rel("alternate") if "hreflang" in link}

    def values(self, key: str) -> list[str]:
        """The content of every <meta> whose name or property is ``key``."""
        return [meta["content"] for meta in self.metas if key in (meta.get("name"), meta.get("property"))]

    def value(self, key: str) -> str:
        (found,) = self.values(key)
        return found


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.head = Head()
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.inside = True
        elif self.inside and tag == "link":
            self.head.links.append(values)
        elif self.inside and tag == "meta":
            self.head.metas.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.inside = False


def read_head(html: str) -> Head:
    parser = _HeadParser()
    parser.feed(html)
    return parser.head
