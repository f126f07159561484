"""Views of judging, one module per page area."""
