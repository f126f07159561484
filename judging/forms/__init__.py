"""Forms of judging's pages, one module per page area."""
