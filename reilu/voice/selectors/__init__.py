"""Reads for the candidates' voice, one module per concern; import from the module.

figures (what every published figure shares), public_scorecard, reviews, analytics (staff).
"""
