"""Writes of the talent gallery, one module per concern; import from the concern's module.

seekers (signing in), profiles, contact_requests, open_applications, searches (saved
searches). Reads are in reilu.talent.selectors.
"""
