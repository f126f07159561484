from modeltranslation.translator import TranslationOptions, register

from .models import Course, Event, ProgrammeItem


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "place", "address")
    required_languages = ("en",)


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("title", "place")
    required_languages = ("en",)


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "provider", "place")
    required_languages = ("en",)
