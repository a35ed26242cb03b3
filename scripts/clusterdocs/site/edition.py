"""What every page adds around its content: when it last changed, a link to report a problem with it, and the
footer (the about page, the licence, "save for offline reading")."""

from __future__ import annotations

import datetime
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup

from clusterdocs.errors import SourceError
from clusterdocs.escape import html_text
from clusterdocs.site import urls
from clusterdocs.site.freshness import date_text
from clusterdocs.site.lang import messages

THEME_COLOUR = "#00695c"
"""The header's colour (site.css's --md-primary-fg-color), for the browser's toolbar and the installed app."""


def checked_repository(url: str | None) -> str | None:
    """The repository's address from mkdocs.yml's `extra.repository` (REPO_URL); None when none is set."""
    if url is None or not str(url).strip():
        return None
    parts = urlsplit(str(url).strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise SourceError("mkdocs.yml", "extra.repository", f"not a repository address: {url!r}")
    return str(url).strip().rstrip("/")


def report_link(repository: str, page_url: str, title: str, lang: str) -> str:
    """A link that opens a new issue in the repository with the page's address and title filled in.

    The body keeps a `{place}` line that site's script fills with the section or paragraph the reader is at
    when the link is followed (`data-body`); without the script the line stays empty.
    """
    msg = messages(lang)
    body = msg.report_body.format(url=page_url, title=title, place="{place}")
    issue_title = msg.report_title.format(title=title)
    query = urlencode({"title": issue_title, "body": body.replace("{place}\n", "")}, quote_via=quote)
    href = f"{repository}/issues/new?{query}"
    return (
        f'<a class="report-problem" href="{html_text(href)}" rel="noopener" '
        f'data-issue="{html_text(repository + "/issues/new")}" data-title="{html_text(issue_title)}" '
        f'data-body="{html_text(body)}" data-place="{html_text(msg.report_place)}">'
        f"{html_text(msg.report_problem)}</a>"
    )


def page_facts(lang: str, updated: datetime.date | None, report: str | None) -> Markup:
    """The line under a page's content: its last update (when git knows it) and the report link."""
    msg = messages(lang)
    parts = []
    if updated is not None:
        parts.append(
            f'<p class="page-updated">{html_text(msg.last_updated)}{msg.link_colon}'
            f'<time datetime="{updated.isoformat()}">{html_text(date_text(updated, lang))}</time></p>'
        )
    if report is not None:
        parts.append(f'<p class="page-report">{report}</p>')
    if not parts:
        return Markup("")
    return Markup(f'<aside class="page-facts">{"".join(parts)}</aside>')


def footer(lang: str, root: str) -> Markup:
    """The footer of every page: the about page, the licence in one sentence, saving the language offline.

    `root` is the relative (or, on 404 pages, absolute) path from the page to the site's root.
    """
    msg = messages(lang)
    lang_root = root + urls.LANG_ROOTS[lang]
    offline = (
        f'<div class="offline-save" data-saving="{html_text(msg.offline_saving)}" '
        f'data-saved="{html_text(msg.offline_saved)}" '
        f'data-failed="{html_text(msg.offline_failed)}" hidden>'
        f'<button type="button" class="md-button offline-save-button">{html_text(msg.offline_save)}</button>'
        '<p class="offline-status" role="status"></p></div>'
    )
    return Markup(
        '<div class="reader-footer">'
        f'<p class="reader-footer-links"><a href="{html_text(lang_root + "about/")}">'
        f"{html_text(msg.footer_about)}</a></p>"
        f'<p class="reader-footer-licence">{html_text(msg.footer_licence)}</p>'
        f"{offline}</div>"
    )
