"""Documents and pictures judging draws: certificates and the results charts."""
