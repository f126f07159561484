"""Making an uploaded PDF safe to hand to judges: parsed and written again by
qpdf (pikepdf), without what a desktop reader would run or open on its own —
scripts, actions that start a program or send a form, embedded files, XFA
forms, rich media. A file qpdf cannot read as a PDF with pages is refused.

What is removed is reported as codes (``REMOVED_KINDS``), so the applicant
can be told in their language; the page content itself is copied as it is
(streams are not decoded, so a compression bomb is never expanded)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

# Actions are kept only when harmless: going to a page, turning pages, and
# links to web or mail addresses (see _Cleaner.action_kind). Every other one
# is removed wherever it is attached (links, outlines, pages, form fields,
# the document itself); this table only names what is reported.
ACTIVE_ACTIONS = {
    "/JavaScript": "scripts",
    "/Launch": "launch",
    "/SubmitForm": "form_actions",
    "/ImportData": "form_actions",
    "/ResetForm": "form_actions",
    "/GoToR": "external_files",
    "/GoToE": "external_files",
    "/Rendition": "media",
    "/Movie": "media",
    "/Sound": "media",
    "/RichMediaExecute": "media",
    "/Hide": "form_actions",
}
# Annotations that carry a file or play media: removed from their pages.
ACTIVE_ANNOTATIONS = {
    "/FileAttachment": "embedded_files",
    "/RichMedia": "media",
    "/Movie": "media",
    "/Sound": "media",
    "/Screen": "media",
    "/3D": "media",
}
# Keys whose value is an action (or a list of them) to look at.
ACTION_KEYS = ("/A", "/OpenAction", "/Next", "/PA")

REMOVED_KINDS = {
    "scripts": _("scripts"),
    "launch": _("actions that start a program"),
    "form_actions": _("form actions"),
    "external_files": _("links that open other files"),
    "embedded_files": _("embedded files"),
    "xfa": _("an XFA form"),
    "media": _("media players"),
}


class PdfRefusedError(Exception):
    """The file cannot be made safe: ``code`` says why (see REFUSALS)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# More objects than any report needs: refused before the walk, so that a file
# built to keep the check busy cannot hold a worker for minutes.
MAX_OBJECTS = 200_000

REFUSALS = {
    "not_pdf": _("This file is not a readable PDF. Export or print it to PDF again and upload the new file."),
    "encrypted": _("This PDF is protected by a password. Save it without the password and upload it again."),
    "no_pages": _("This PDF has no pages."),
    "too_complex": _("This PDF is built in an unusually complex way. Export or print it to PDF again and upload it."),
    "xfa_only": _(
        "This PDF is a dynamic XFA form that only some readers can show. Print it to PDF and upload the printed file."
    ),
}


@dataclass
class PdfCleaned:
    pages: int
    removed: list[str] = field(default_factory=list)  # codes of REMOVED_KINDS, sorted


def _as_dict(value: Any) -> Any:
    """A dictionary, or a stream's dictionary: readers (Acrobat's CosDictGet,
    PDFium's GetDictFor) take a stream wherever a dictionary is expected."""
    import pikepdf

    if isinstance(value, pikepdf.Stream):
        return value.stream_dict
    return value if isinstance(value, pikepdf.Dictionary) else None


def _is_action(value: Any) -> bool:
    import pikepdf

    return isinstance(value, pikepdf.Stream) or (isinstance(value, pikepdf.Dictionary) and "/S" in value)


class _Cleaner:
    def __init__(self) -> None:
        self.removed: set[str] = set()
        self.arrays_done: set[tuple[str, tuple[int, int]]] = set()  # (key, objgen)

    def action_kind(self, action: Any) -> str | None:
        import pikepdf

        if isinstance(action, pikepdf.Stream):  # never a real action: drop whatever it claims to be
            return ACTIVE_ACTIONS.get(str(action.stream_dict.get("/S")), "scripts")
        kind = str(action.get("/S"))
        if kind == "/GoTo":
            return None
        if kind == "/Named" and str(action.get("/N")) in ("/NextPage", "/PrevPage", "/FirstPage", "/LastPage"):
            return None
        if kind == "/URI":
            uri = bytes(action.get("/URI", b"")).lstrip().lower()
            return None if uri.startswith((b"http://", b"https://", b"mailto:")) else "external_files"
        return ACTIVE_ACTIONS.get(kind, "scripts")  # allow-list: anything else (Thread, SetOCGState...) goes

    def clean_dictionary(self, dictionary: Any) -> None:
        self._drop_triggers(dictionary)
        self._drop_actions(dictionary)
        self._drop_files(dictionary)
        self._drop_annotations(dictionary)

    def _drop_triggers(self, dictionary: Any) -> None:
        import pikepdf

        triggers = dictionary.get("/AA")  # actions on open, close, focus, print…: none are kept
        if triggers is not None:
            del dictionary["/AA"]
            actions = list(triggers.values()) if isinstance(triggers, pikepdf.Dictionary) else []
            kinds = {(self.action_kind(action) if _is_action(action) else None) or "scripts" for action in actions}
            self.removed.update(kinds or {"scripts"})
        if "/JS" in dictionary:  # a script body
            del dictionary["/JS"]
            self.removed.add("scripts")

    def _drop_actions(self, dictionary: Any) -> None:
        import pikepdf

        for key in ACTION_KEYS:
            value = dictionary.get(key)
            if isinstance(value, pikepdf.Array):
                if value.is_indirect:
                    if (key, value.objgen) in self.arrays_done:
                        continue
                    self.arrays_done.add((key, value.objgen))
                kept = [item for item in value if not (_is_action(item) and self._drop(item))]
                if len(kept) != len(value):
                    if value.is_indirect:
                        value[:] = kept
                    else:
                        dictionary[key] = pikepdf.Array(kept)
            elif value is not None and _is_action(value) and self._drop(value):
                del dictionary[key]

    def _drop_files(self, dictionary: Any) -> None:
        # /EF: a file specification carrying the file itself; /AF: associated files (PDF/A-3, PDF 2.0).
        for key in ("/EF", "/AF"):
            if key in dictionary:
                del dictionary[key]
                self.removed.add("embedded_files")
        if "/XFA" in dictionary:  # wherever the form dictionary is, or whatever it is written as
            del dictionary["/XFA"]
            self.removed.add("xfa")

    def _drop_annotations(self, dictionary: Any) -> None:
        import pikepdf

        annotations = dictionary.get("/Annots")
        if not isinstance(annotations, pikepdf.Array):
            return
        if annotations.is_indirect:  # shared: filter it once, in place
            if ("/Annots", annotations.objgen) in self.arrays_done:
                return
            self.arrays_done.add(("/Annots", annotations.objgen))
        kept = []
        for annotation in annotations:
            if isinstance(annotation, pikepdf.Stream):
                self.removed.add("media")  # an annotation is never a stream
                continue
            subtype = str(annotation.get("/Subtype")) if isinstance(annotation, pikepdf.Dictionary) else ""
            kind = ACTIVE_ANNOTATIONS.get(subtype)
            if kind:
                self.removed.add(kind)
            else:
                kept.append(annotation)
        if len(kept) != len(annotations):
            if annotations.is_indirect:
                annotations[:] = kept
            else:
                dictionary["/Annots"] = pikepdf.Array(kept)

    def _drop(self, action: Any) -> bool:
        kind = self.action_kind(action)
        if kind:
            self.removed.add(kind)
            return True
        return False

    def clean_catalog(self, pdf: Any) -> None:
        import pikepdf

        root = pdf.Root
        names = _as_dict(root.get("/Names"))
        if names is not None:
            for key, kind in (("/JavaScript", "scripts"), ("/EmbeddedFiles", "embedded_files")):
                if key in names:
                    del names[key]
                    self.removed.add(kind)
        if "/NeedsRendering" in root:
            del root["/NeedsRendering"]
        open_action = root.get("/OpenAction")
        # Opening at a page (an array destination or a GoTo) is harmless; anything else is dropped.
        if isinstance(open_action, pikepdf.Stream) or (
            isinstance(open_action, pikepdf.Dictionary) and str(open_action.get("/S")) != "/GoTo"
        ):
            del root["/OpenAction"]
            self.removed.add(self.action_kind(open_action) or "scripts")


def _walk(pdf: Any) -> Any:
    """Every dictionary of the file, direct or indirect, each once (the
    stack, not recursion, so a deeply nested file cannot exhaust Python's)."""
    import pikepdf

    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [*pdf.objects, pdf.trailer]
    while stack:
        item = stack.pop()
        if not isinstance(item, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)):
            continue  # numbers, names, strings: nothing inside
        if item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, pikepdf.Stream):
            yield item.stream_dict
            stack.extend(item.stream_dict.values())
        elif isinstance(item, pikepdf.Dictionary):
            yield item
            stack.extend(item.values())
        elif isinstance(item, pikepdf.Array):
            stack.extend(item)


def clean_pdf(source: Path, target: Path) -> PdfCleaned:
    """Read ``source``, write a cleaned copy to ``target``; PdfRefusedError when
    the file cannot be read as a PDF with pages, is password-protected, or
    is an XFA form with nothing else to show."""
    import pikepdf

    try:
        pdf = pikepdf.open(source)
    except pikepdf.PasswordError:
        raise PdfRefusedError("encrypted") from None
    except (pikepdf.PdfError, ValueError, RuntimeError):
        raise PdfRefusedError("not_pdf") from None
    with pdf:
        try:
            pages = len(pdf.pages)
            needs_rendering = bool(pdf.Root.get("/NeedsRendering", False))
        except (pikepdf.PdfError, ValueError, RuntimeError, AttributeError):
            raise PdfRefusedError("not_pdf") from None
        if needs_rendering:  # the pages are a placeholder; the XFA form is the document
            raise PdfRefusedError("xfa_only")
        if pages == 0:
            raise PdfRefusedError("no_pages")
        if len(pdf.objects) > MAX_OBJECTS:
            raise PdfRefusedError("too_complex")
        cleaner = _Cleaner()
        try:
            cleaner.clean_catalog(pdf)
            for dictionary in _walk(pdf):
                cleaner.clean_dictionary(dictionary)
            # Streams copied as they are (never decoded); unreachable objects
            # (the removed scripts and files) are not written.
            pdf.save(
                target,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                compress_streams=False,
                object_stream_mode=pikepdf.ObjectStreamMode.preserve,
                fix_metadata_version=False,
                deterministic_id=True,  # the same upload gives the same file
            )
        except (pikepdf.PdfError, ValueError, RuntimeError):
            raise PdfRefusedError("not_pdf") from None
    return PdfCleaned(pages=pages, removed=sorted(cleaner.removed))
