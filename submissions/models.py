"""Applicant intake (organisations, entries, answers, attachments).

Its models arrive with the intake issue; the app is installed now so that
migrations, URLs and translations have their place from the start.
"""
