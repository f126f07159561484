"""What judging tells the apps built on it, without knowing them."""

from django.dispatch import Signal

# Sent (inside the transaction) when a cycle's published results take
# effect: the embargo has passed and the entries are winners or not
# selected. Keyword argument: ``cycle_id``. Receivers queue their work
# after commit (the events app invites the winners to the edition's event).
results_took_effect = Signal()
