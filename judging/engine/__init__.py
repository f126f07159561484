"""The pure engines of judging: plain data in, plain data out, no Django."""
