"""The beat schedule (Celery's periodic tasks): each sweep redoes what a dead
broker or worker left undone; the daily tasks purge and announce. Every
period can be changed by environment (tests shorten them)."""

from typing import Any

import environ


def beat_schedule(env: environ.Env) -> dict[str, dict[str, Any]]:
    return {
        "outbox-sweep": {
            "task": "prize_portal.outbox.tasks.task_sweep_outbox",
            "schedule": env.float("OUTBOX_SWEEP_SECONDS", default=60.0),
        },
        # PDFs of entries that a dead broker or worker left unrendered at submit.
        "submission-pdf-sweep": {
            "task": "submissions.tasks.task_sweep_submission_pdfs",
            "schedule": env.float("SUBMISSION_PDF_SWEEP_SECONDS", default=60.0),
        },
        # Uploaded PDFs that a dead broker or worker left unchecked.
        "attachment-check-sweep": {
            "task": "submissions.tasks.task_sweep_attachment_checks",
            "schedule": env.float("ATTACHMENT_CHECK_SWEEP_SECONDS", default=60.0),
        },
        # Files left in storage by a rolled-back upload.
        "orphan-files-sweep": {
            "task": "submissions.tasks.task_sweep_orphan_files",
            "schedule": env.float("ORPHAN_FILES_SWEEP_SECONDS", default=3600.0),
        },
        # Judges with reviews still to submit, on each round's reminder days. Hourly,
        # so a worker or broker outage delays a reminder by an hour, not a day; the
        # outbox key keeps it to one per judge per Seoul day.
        "judge-reminders": {
            "task": "judging.tasks.task_send_due_reminders",
            "schedule": env.float("JUDGE_REMINDERS_SECONDS", default=3600.0),
        },
        # Applicants with a draft a week and a day before the deadline. Hourly, like
        # the judges'; the outbox key keeps each reminder to once per entry and person.
        "draft-reminders": {
            "task": "submissions.tasks.task_send_draft_reminders",
            "schedule": env.float("DRAFT_REMINDERS_SECONDS", default=3600.0),
        },
        # Published results whose embargo passed, or that a dead worker left half-sent.
        "publications-sweep": {
            "task": "judging.tasks.task_sweep_publications",
            "schedule": env.float("PUBLICATIONS_SWEEP_SECONDS", default=60.0),
        },
        # The bodies of e-mails sent OUTBOX_KEEP_DAYS ago (the privacy notice says 90).
        "outbox-purge": {
            "task": "prize_portal.outbox.tasks.task_purge_outbox",
            "schedule": env.float("OUTBOX_PURGE_SECONDS", default=86400.0),
        },
        # Cycles whose personal data is due for removal, announced to the privacy officer.
        "retention-due": {
            "task": "judging.tasks.task_announce_retention_due",
            "schedule": env.float("RETENTION_DUE_SECONDS", default=86400.0),
        },
        # Retention runs whose chain of batches a dead broker or worker stopped.
        "retention-runs-sweep": {
            "task": "judging.tasks.task_sweep_retention_runs",
            "schedule": env.float("RETENTION_SWEEP_SECONDS", default=60.0),
        },
        # Data downloads a dead broker or worker left unbuilt, and expired ones deleted.
        "data-exports-sweep": {
            "task": "prize_portal.privacy.tasks.task_sweep_data_exports",
            "schedule": env.float("DATA_EXPORTS_SWEEP_SECONDS", default=300.0),
        },
        # Winners of results just in effect that a dead broker or worker left uninvited.
        "invitations-sweep": {
            "task": "events.tasks.task_sweep_invitations",
            "schedule": env.float("INVITATIONS_SWEEP_SECONDS", default=300.0),
        },
        # Passport details (and the letters printing them) PASSPORT_KEEP_DAYS after the event.
        "passports-purge": {
            "task": "events.tasks.task_purge_passports",
            "schedule": env.float("PASSPORTS_PURGE_SECONDS", default=3600.0),
        },
        # Course places offered and not taken in time go to the next one waiting.
        "course-offers-sweep": {
            "task": "events.tasks.task_sweep_course_offers",
            "schedule": env.float("COURSE_OFFERS_SWEEP_SECONDS", default=900.0),
        },
        # Certificates a dead broker or worker left unrendered.
        "certificates-sweep": {
            "task": "judging.tasks.task_sweep_certificates",
            "schedule": env.float("CERTIFICATES_SWEEP_SECONDS", default=60.0),
        },
    }
