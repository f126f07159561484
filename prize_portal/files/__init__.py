"""Stored files, for every app: uploads checked by their content and
re-encoded (``checks``), refused while they stream in when too large
(``uploads``), served only to those allowed (``downloads``), and removed once
nothing refers to them (``cleanup``)."""
