"""The entry form in steps: one step per section of the form (about the
entry, each evaluation domain, the files), each with how much of it is done,
and the review before submitting."""

from dataclasses import dataclass, field

from .forms import FormSection
from .models import Entry
from .selectors import entry_missing, questions_shown


@dataclass
class Step:
    key: str
    title: str
    number: int
    required: int = 0  # required parts in this step
    left: int = 0  # of those, not done yet (missing, or typed but to correct)
    unfinished: list[str] = field(default_factory=list)  # every field still missing or to correct
    current: bool = False

    @property
    def done(self) -> int:
        return self.required - self.left

    @property
    def complete(self) -> bool:
        return not self.unfinished


@dataclass
class Progress:
    steps: list[Step]
    required: int
    missing: int

    @property
    def done(self) -> int:
        return self.required - self.missing

    @property
    def percent(self) -> int:
        return 100 if not self.required else round(100 * self.done / self.required)

    def step(self, key: str) -> Step | None:
        return next((step for step in self.steps if step.key == key), None)

    def neighbours(self, key: str) -> tuple[Step | None, Step | None]:
        index = next(index for index, step in enumerate(self.steps) if step.key == key)
        before = self.steps[index - 1] if index else None
        after = self.steps[index + 1] if index + 1 < len(self.steps) else None
        return before, after


def required_names(entry: Entry) -> set[str]:
    """The form fields an entry needs to be submitted (the questions shown, given its answers)."""
    names = {"title_en", "summary_en"}
    if entry.language != "en":
        names |= {"title_original", "summary_original"}
    return names | {f"answer-{code}" for code, question in questions_shown(entry).items() if question.required}


def section_names(section: FormSection) -> list[str]:
    return [bound.name for bound in section.fields] + [f"answer-{q.code}" for q in section.file_questions]


def entry_progress(entry: Entry, sections: list[FormSection], current: str | None = None) -> Progress:
    """Each step's required parts and what is still missing or to correct."""
    required = required_names(entry)
    missing = entry_missing(entry)
    steps = []
    for number, section in enumerate(sections, start=1):
        names = section_names(section)
        unfinished = [name for name in names if name in missing]
        step = Step(
            key=section.key,
            title=section.title,
            number=number,
            required=len([name for name in names if name in required]),
            # A value to correct in an optional field leaves the step unfinished, but is not a required part.
            left=len([name for name in unfinished if name in required]),
            unfinished=unfinished,
            current=section.key == current,
        )
        steps.append(step)
    return Progress(
        steps=steps, required=sum(step.required for step in steps), missing=sum(step.left for step in steps)
    )
