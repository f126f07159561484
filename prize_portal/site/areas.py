"""The portal's private areas, as paths after the language prefix: nothing
there is for search engines (robots.txt), and a signed-in person whose
consents are due answers them before opening one (privacy middleware)."""

PRIVATE_PATHS = (
    "entries/",
    "judging/",
    "staff/",
    "results/",
    "accounts/",
    "admin/",
    "certificates/",
    "events/",
    "privacy/consents/",
    "privacy/data/",
    "privacy/requests/",
)
