from modeltranslation.translator import TranslationOptions, register

from .models import (
    AwardLevel,
    Category,
    Criterion,
    Cycle,
    Question,
    QuestionChoice,
    RubricLevel,
    Signatory,
    Track,
)


@register(Cycle)
class CycleTranslation(TranslationOptions):
    fields = ("name", "tagline", "description", "ceremony_place")
    required_languages = ("en",)


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("en",)


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("en",)


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(RubricLevel)
class RubricLevelTranslation(TranslationOptions):
    fields = ("label", "descriptor")
    required_languages = ("en",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("label", "help_text")
    required_languages = ("en",)


@register(QuestionChoice)
class QuestionChoiceTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("en",)


@register(AwardLevel)
class AwardLevelTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("name", "title")
    required_languages = ("en",)
