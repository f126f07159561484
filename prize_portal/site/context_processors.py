from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

# The URL namespaces of the secretariat's pages: the header's menu of them is marked there.
STAFF_APP_NAMES = (
    "intake_staff",
    "content_staff",
    "judging_staff",
    "judging_publication",
    "events_staff",
    "privacy_staff",
    "judging_retention",
)


def portal(request: HttpRequest) -> dict[str, Any]:
    """Values every page's layout needs: the language switcher's options."""
    return {
        "staff_app_names": STAFF_APP_NAMES,
        "portal_languages": [
            {"code": code, "name_local": get_language_info(code)["name_local"]} for code, _name in settings.LANGUAGES
        ],
    }
