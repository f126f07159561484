from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info


def portal(request: HttpRequest) -> dict[str, Any]:
    """Values every page's layout needs: the language switcher's options."""
    return {
        "portal_languages": [
            {"code": code, "name_local": get_language_info(code)["name_local"]} for code, _name in settings.LANGUAGES
        ],
    }
