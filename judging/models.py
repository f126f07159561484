"""Committee judging (rounds, conflicts, assignments, reviews, awards).

Its models arrive with the judging issue; the app is installed now so that
migrations, URLs and translations have their place from the start.
"""
