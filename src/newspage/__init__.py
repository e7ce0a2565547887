"""newspage: Chinese newspaper page dumps in, structured articles out.

>>> import newspage
>>> page = newspage.parse("标题\\n\\n本报讯 正文。")
>>> page.articles[0].headline
'标题'
"""

from __future__ import annotations

import logging

from .errors import DecodeError, InputError, NewspageError
from .model import Article, Author, Caption, Diagnostic, Join, Page, Section
from .parser import parse, parse_file
from .pdf import parse_pdf, pdf_to_text  # pdfminer.six is imported when a PDF is read

__version__ = "0.1.0"

__all__ = (
    "Article",
    "Author",
    "Caption",
    "DecodeError",
    "Diagnostic",
    "InputError",
    "Join",
    "NewspageError",
    "Page",
    "Section",
    "__version__",
    "parse",
    "parse_file",
    "parse_pdf",
    "pdf_to_text",
)

logging.getLogger(__name__).addHandler(logging.NullHandler())
