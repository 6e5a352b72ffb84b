"""Job-ad checker (fi, sv, en): plain Python, no Django imports.

>>> from reilu.adcheck import check
>>> check("Myyntimies, Tampere").to_dict()["language"]
'fi'
"""

from .checker import PostingError, check, check_posting
from .report import CODES, Finding, Report

__all__ = ["CODES", "Finding", "PostingError", "Report", "check", "check_posting"]
