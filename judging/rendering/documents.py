"""The kinds of verifiable documents and how each is made and verified.

Every document (``judging.Certificate``) shares one code space, one
rendering task and one /verify/ page; what differs by kind is registered
here: what its snapshot holds (what the verification page may say), how its
PDF is rendered, and the template of its verification page. Judging
registers the award and finalist certificates; an app built on judging
registers its own kinds in its ``ready()`` (events: the visa invitation
letter), so judging never imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from judging.models import Certificate


@dataclass(frozen=True)
class DocumentKind:
    snapshot: Callable[[Certificate], dict[str, Any]]
    pdf: Callable[[Certificate, dict[str, Any]], bytes]
    # The verification page's part for this kind, and what it is given besides
    # ``certificate`` and ``snapshot`` (from the snapshot, in the page's language).
    verify_template: str
    verify_context: Callable[[dict[str, Any], str], dict[str, Any]]
    valid_title: Promise | str
    revoked_title: Promise | str


_KINDS: dict[str, DocumentKind] = {}


def document_kind_register(kind: str, document: DocumentKind) -> None:
    _KINDS[kind] = document


def document_kind(kind: str) -> DocumentKind:
    """How documents of ``kind`` are made; KeyError for a kind nobody registered."""
    return _KINDS[kind]
