from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from prize_portal.site.admin import DATETIME_INPUT, LanguageTabsMedia

from .forms import CategoryAdminForm, QuestionAdminForm, QuestionChoiceFormSet, SignatoryAdminForm
from .models import AwardLevel, Category, Criterion, Cycle, Question, QuestionChoice, RubricLevel, Signatory, Track


class AwardLevelInline(TranslationStackedInline):
    model = AwardLevel
    extra = 0
    formfield_overrides = DATETIME_INPUT


class CategoryInline(TranslationStackedInline):
    model = Category
    form = CategoryAdminForm
    extra = 0
    show_change_link = True
    fields = ["code", "reference_letter", "name", "summary", "order"]


class SignatoryInline(TranslationStackedInline):
    """Whose signatures the certificates carry (images checked and re-encoded)."""

    model = Signatory
    form = SignatoryAdminForm
    extra = 0
    fields = ["name", "title", "signature", "order"]


@admin.register(Cycle)
class CycleAdmin(LanguageTabsMedia, TranslationAdmin):
    list_display = ["year", "name", "status", "applications_open_at", "applications_close_at", "ceremony_at"]
    list_filter = ["status"]
    search_fields = ["name", "year"]
    inlines = [CategoryInline, AwardLevelInline, SignatoryInline]
    fieldsets = [
        (None, {"fields": ["year", "name", "tagline", "description", "status"]}),
        (
            _("Dates (Seoul time)"),
            {
                "fields": [
                    "applications_open_at",
                    "applications_close_at",
                    "judging_starts_at",
                    "ceremony_at",
                    "ceremony_place",
                ]
            },
        ),
        (_("Results"), {"fields": ["results_feedback", "finalist_certificates"]}),
        (_("Personal data"), {"fields": ["personal_data_months", "personal_data_removed_at"]}),
    ]
    readonly_fields = ["personal_data_removed_at"]


class TrackInline(TranslationStackedInline):
    model = Track
    extra = 0


@admin.register(Category)
class CategoryAdmin(LanguageTabsMedia, TranslationAdmin):
    form = CategoryAdminForm
    list_display = ["name", "cycle", "code", "reference_letter", "accepts_applications", "entry_limit", "award_count"]
    list_filter = ["cycle", "accepts_applications"]
    list_select_related = ["cycle"]
    search_fields = ["name", "code"]
    inlines = [TrackInline]


class RubricLevelInline(TranslationStackedInline):
    model = RubricLevel
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(LanguageTabsMedia, TranslationAdmin):
    list_display = ["name", "category", "weight", "scale_min", "scale_max", "minimum", "order"]
    list_filter = ["category__cycle", "category"]
    list_select_related = ["category__cycle"]
    inlines = [RubricLevelInline]


class QuestionChoiceInline(TranslationStackedInline):
    model = QuestionChoice
    formset = QuestionChoiceFormSet
    extra = 0


@admin.register(Question)
class QuestionAdmin(LanguageTabsMedia, TranslationAdmin):
    form = QuestionAdminForm
    list_display = ["label", "category", "criterion", "kind", "required", "identifying", "shown_if", "order"]
    list_filter = ["category__cycle", "category", "kind", "required", "identifying"]
    list_select_related = ["category__cycle", "criterion", "shown_if"]
    search_fields = ["label", "code"]
    inlines = [QuestionChoiceInline]
