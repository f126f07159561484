from modeltranslation.translator import TranslationOptions, register

from .models import Text


@register(Text)
class TextTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "purpose", "items", "retention", "refusal", "contact_name")
    required_languages = ("en",)
