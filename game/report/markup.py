"""Table text for readers, not for markdown: the census sources are read from a markdown
README, so `**bold**`, `code` and [links](url) become plain words (CSV, XLSX), and a web
address becomes a link in the HTML and the PDF."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt
from markupsafe import Markup

# a web address in already-escaped text; a full stop or comma after it is the sentence's
_URL = re.compile(r"https?://[^\s<>()\"']+[^\s<>()\"'.,;:]")
_MD = MarkdownIt("commonmark")


def plain(text: str) -> str:
    """Markdown inline marks removed (markdown-it's own parse): a link keeps its words and
    its address in brackets."""
    out: list[str] = []
    href = ""
    for block in _MD.parseInline(text):
        for tok in block.children or []:
            if tok.type in ("text", "code_inline", "html_inline"):
                out.append(tok.content)
            elif tok.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif tok.type == "link_open":
                href = str(tok.attrs.get("href", ""))
            elif tok.type == "link_close" and href:
                out.append(f" ({href})")
                href = ""
    return "".join(out)


def html_cell(text: str) -> Markup:
    """Escaped HTML with each web address as a link."""
    return Markup(_URL.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', escape(text)))


def pdf_cell(text: str) -> str:
    """reportlab paragraph markup (escaped) with each web address as a link."""
    return _URL.sub(lambda m: f'<link href="{m[0]}" color="#1f5fa8">{m[0]}</link>', escape(text))
