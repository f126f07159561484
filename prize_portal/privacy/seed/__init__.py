"""The first privacy notice and consent items, in the site's six languages.

``texts_seed()`` (prize_portal/privacy/services/texts.py) publishes each of
them when its code has no version yet; from then on staff edit them in
admin, as new versions, and the seed never touches them again. The retention
periods they state (90 days for copies of sent e-mails, 30 days for backups,
90 days after the event for passport details: PASSPORT_KEEP_DAYS) are the
portal's defaults.

A body is laid out as the notice shows it: a line starting with "## " is a
heading, lines starting with "- " are list items, and a blank line separates
paragraphs. A backslash at the end of a source line only continues the same
line of text (a paragraph or list item is one line).

The notice is in ``notice.py``; the items needed to take part, one per role,
in ``needed.py``; the items a person may refuse in ``optional.py``; the
declarations (the judges', asked per cycle by judging) in ``declarations.py``.
"""

from typing import Any

from .declarations import DECLARATIONS
from .needed import NEEDED
from .notice import NOTICE
from .optional import OPTIONAL

ITEMS: list[dict[str, Any]] = [*NEEDED, *OPTIONAL]

__all__ = ["DECLARATIONS", "ITEMS", "NOTICE"]
