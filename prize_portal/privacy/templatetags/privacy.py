"""Showing a privacy text staff wrote in admin: plain text with a light
layout ("## " headings, "- " lists, blank lines between paragraphs), never
their HTML."""

from itertools import groupby

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _block(lines: list[str], heading_level: int) -> str:
    """A block of lines: a heading, then runs of list items and of text."""
    html = []
    if lines[0].startswith("## "):
        html.append(f"<h{heading_level}>{escape(lines[0][3:].strip())}</h{heading_level}>")
        lines = lines[1:]
    for is_list, run in groupby(lines, key=lambda line: line.startswith("- ")):
        run_lines = list(run)
        if is_list:
            html.append("<ul>" + "".join(f"<li>{escape(line[2:].strip())}</li>" for line in run_lines) + "</ul>")
        else:
            html.append("<p>" + "<br>".join(escape(line) for line in run_lines) + "</p>")
    return "".join(html)


@register.filter
def notice_body(text: str, heading_level: int = 2) -> SafeString:
    """The text as HTML: every line escaped, headings at ``heading_level``."""
    blocks: list[list[str]] = [[]]
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            blocks.append([])
        elif line.startswith("## ") and blocks[-1]:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    html = "".join(_block(lines, int(heading_level)) for lines in blocks if lines)
    return mark_safe(html)  # noqa: S308 — every piece of text above is escaped
