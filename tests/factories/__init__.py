"""Test data, one module per domain, built through the real services:

- ``accounts``: users and their TOTP;
- ``categories``: cycles, categories, tracks, criteria, conditional questions, and the test cycle's dates;
- ``submissions``: organisations, entries, files, a signed-in staff member;
- ``judging``: criteria with rubrics, judges, rounds, assignments, decided cycles,
  published results, certificates;
- ``winners``: an edition for the public winners pages (import it from
  ``tests.factories.winners``: its names only make sense there).

The names of the first four are re-exported here: ``from tests.factories import make_user``.
"""

from tests.factories.accounts import PASSWORD, answer_consents, give_totp, make_user, set_reminders
from tests.factories.categories import (
    BEFORE_DEADLINE,
    DEADLINE,
    SEOUL,
    CategoryFactory,
    CriterionFactory,
    CycleFactory,
    TrackFactory,
    add_funding_questions,
)
from tests.factories.judging import (
    MEXICO,
    Decided,
    add_criteria,
    add_signatories,
    assert_staff_only,
    assign,
    award_entry,
    decide_cycle,
    gold_level,
    make_certificate,
    make_judge,
    make_round,
    mexico_entry,
    publish_declaration,
    publish_results,
    put_in_round,
    scores_for,
    signature_png,
)
from tests.factories.submissions import (
    PDF_BYTES,
    PDF_TEXT,
    complete_entry,
    make_jpeg,
    make_organisation,
    sign_in_staff,
    submit_entry,
    submit_with_a_hidden_answer,
)

__all__ = [
    "BEFORE_DEADLINE",
    "DEADLINE",
    "MEXICO",
    "PASSWORD",
    "PDF_BYTES",
    "PDF_TEXT",
    "SEOUL",
    "CategoryFactory",
    "CriterionFactory",
    "CycleFactory",
    "Decided",
    "TrackFactory",
    "add_criteria",
    "add_funding_questions",
    "add_signatories",
    "answer_consents",
    "assert_staff_only",
    "assign",
    "award_entry",
    "complete_entry",
    "decide_cycle",
    "give_totp",
    "gold_level",
    "make_certificate",
    "make_jpeg",
    "make_judge",
    "make_organisation",
    "make_round",
    "make_user",
    "mexico_entry",
    "publish_declaration",
    "publish_results",
    "put_in_round",
    "scores_for",
    "set_reminders",
    "sign_in_staff",
    "signature_png",
    "submit_entry",
    "submit_with_a_hidden_answer",
]
