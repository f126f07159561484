"""What the benchmark scripts share (they run as ``python scripts/<name>.py``,
so this folder is on sys.path)."""

import sys


def say(text: str = "") -> None:
    """One line of the report, at once (a long run shows its progress)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
