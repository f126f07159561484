from modeltranslation.translator import TranslationOptions, register

from judging.models import Award, Round


@register(Round)
class RoundTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Award)
class AwardTranslation(TranslationOptions):
    fields = ("citation",)
    required_languages = ("en",)
