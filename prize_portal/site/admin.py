"""Admin pieces every app's admin uses: read-only records, labelled date
inputs and the language tabs over translated fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Field
from django.http import HttpRequest

from prize_portal.audit.services import audit_staff_access

# One labelled datetime-local input instead of admin's split date/time pair,
# whose two inputs have no label of their own (WCAG 1.3.1, 4.1.2).
DATETIME_INPUT: Mapping[type[Field[Any, Any]], Mapping[str, Any]] = {
    models.DateTimeField: {
        "form_class": forms.DateTimeField,
        "widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    },
    # Checkboxes instead of filter_horizontal, whose help icons break ARIA rules.
    models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
}


class LanguageTabsMedia:
    """One tab per language over the translated fields (our own accessible,
    dependency-free script instead of modeltranslation's CDN jQuery UI)."""

    formfield_overrides = DATETIME_INPUT

    class Media:
        js = ("admin/js/language_tabs.js",)


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """For records that change only through services (which check, lock and
    audit) or never change at all: staff look, nobody edits here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


class AccessAudited:
    """Admin mixin for records holding personal data: staff opening one is
    recorded in the audit trail (and the person's data download lists it)."""

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> Any:
        response = super().change_view(request, object_id, form_url, extra_context)  # type: ignore[misc]
        original = (getattr(response, "context_data", None) or {}).get("original")
        if request.method == "GET" and response.status_code == 200 and original is not None:
            audit_staff_access(actor=request.user, targets=[original])  # type: ignore[arg-type]
        return response
