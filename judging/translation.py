from modeltranslation.translator import TranslationOptions, register

from .models import Round


@register(Round)
class RoundTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
