"""Forms of the reviewer pages. The scoring form has one group per criterion
of the entry's category, so it is built from the rubric rather than declared;
the service (services/reviews.py) validates every value."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from judging.enums import Recommendation
from judging.models import Assignment, Review
from judging.selectors.reviewer import COMMENT_LIMIT, OVERALL_LIMIT, CriterionRow, recommendations_for


@dataclass
class ScoreField:
    row: CriterionRow
    value: str
    comment: str
    error: str = ""
    comment_error: str = ""

    @property
    def name(self) -> str:
        return f"score_{self.row.criterion.pk}"

    @property
    def comment_name(self) -> str:
        return f"comment_{self.row.criterion.pk}"

    @property
    def options(self) -> list[dict[str, Any]]:
        """Every score on the scale, with the rubric's label and descriptor where it has one."""
        levels = {level.score: level for level in self.row.levels}
        criterion = self.row.criterion
        return [
            {"score": score, "level": levels.get(score), "checked": self.value == str(score)}
            for score in range(criterion.scale_min, criterion.scale_max + 1)
        ]


@dataclass
class ReviewForm:
    """The scoring form's values, as saved or as posted, with the errors the
    service found (keyed like the fields)."""

    assignment: Assignment
    rows: list[CriterionRow]
    version: int
    scores: dict[int, str]
    comments: dict[int, str]
    overall_comment: str
    recommendation: str
    field_errors: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    comment_limit = COMMENT_LIMIT
    overall_limit = OVERALL_LIMIT

    @classmethod
    def for_review(cls, assignment: Assignment, review: Review | None, rows: list[CriterionRow]) -> "ReviewForm":
        return cls(
            assignment=assignment,
            rows=rows,
            version=review.version if review else 0,
            scores={row.criterion.pk: "" if row.score is None else str(row.score) for row in rows},
            comments={row.criterion.pk: row.comment for row in rows},
            overall_comment=review.overall_comment if review else "",
            recommendation=review.recommendation if review else "",
        )

    @classmethod
    def from_post(cls, assignment: Assignment, rows: list[CriterionRow], data: Any) -> "ReviewForm":
        try:
            version = int(data.get("version", ""))
        except ValueError:
            version = -1  # a tampered version is a stale one
        return cls(
            assignment=assignment,
            rows=rows,
            version=version,
            scores={row.criterion.pk: data.get(f"score_{row.criterion.pk}", "").strip() for row in rows},
            comments={row.criterion.pk: data.get(f"comment_{row.criterion.pk}", "") for row in rows},
            overall_comment=data.get("overall_comment", ""),
            recommendation=data.get("recommendation", ""),
        )

    def payload(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "scores": self.scores,
            "comments": self.comments,
            "overall_comment": self.overall_comment,
            "recommendation": self.recommendation,
        }

    def take_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            self.field_errors = {name: " ".join(messages) for name, messages in error.message_dict.items()}
        else:
            self.errors = list(error.messages)

    def error_text(self) -> str:
        return " ".join([*self.errors, *self.field_errors.values()])

    @property
    def score_fields(self) -> list[ScoreField]:
        return [
            ScoreField(
                row=row,
                value=self.scores.get(row.criterion.pk, ""),
                comment=self.comments.get(row.criterion.pk, ""),
                error=self.field_errors.get(f"score_{row.criterion.pk}", ""),
                comment_error=self.field_errors.get(f"comment_{row.criterion.pk}", ""),
            )
            for row in self.rows
        ]

    @property
    def recommendation_choices(self) -> list[tuple[str, str]]:
        return [(value, str(Recommendation(value).label)) for value in recommendations_for(self.assignment)]

    @property
    def summary(self) -> list[dict[str, str]]:
        """The error summary: each message linking to its field."""
        links = []
        for score in self.score_fields:
            if score.error:
                links.append({"id": f"id_{score.name}_{score.row.criterion.scale_min}", "message": score.error})
            if score.comment_error:
                links.append({"id": f"id_{score.comment_name}", "message": score.comment_error})
        if "overall_comment" in self.field_errors:
            links.append({"id": "id_overall_comment", "message": self.field_errors["overall_comment"]})
        if "recommendation" in self.field_errors and self.recommendation_choices:
            first = self.recommendation_choices[0][0]
            links.append({"id": f"id_recommendation_{first}", "message": self.field_errors["recommendation"]})
        return links
