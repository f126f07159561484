"""Views of intake, one module per part of the applicant's pages, and staff's intake page."""
