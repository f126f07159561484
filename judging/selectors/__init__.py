"""Reads of judging, one module per part of the domain; pages call these, never services."""
