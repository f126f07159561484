"""The demo applicants and their entries for the quick start (`make run`),
as plain data; submissions/management/commands/seed_demo_entries.py creates
them through the intake services."""

from submissions.demo.entries import ENTRIES, DemoEntry, Story
from submissions.demo.people import APPLICANTS, DemoApplicant

__all__ = ["APPLICANTS", "ENTRIES", "DemoApplicant", "DemoEntry", "Story"]
