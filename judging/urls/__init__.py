"""URLconfs of judging, one module per page area (each included by prize_portal/urls.py)."""
