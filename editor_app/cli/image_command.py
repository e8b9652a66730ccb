"""`relocate-image PROJECT --document ID PATH`: point an OCR document at its page image again."""

from __future__ import annotations

from editor_app.cli.common import add_project_argument, opened_project


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "relocate-image",
        help="point a document imported from ALTO, hOCR or PAGE at its moved page image",
    )
    add_project_argument(parser)
    parser.add_argument("--document", type=int, required=True, metavar="ID")
    parser.add_argument("image", metavar="PATH", help="the page image (PNG, JPEG or TIFF)")
    parser.set_defaults(func=run_relocate_image)


def run_relocate_image(args) -> int:
    with opened_project(args) as project:
        result = project.documents.relocate_image(args.document, args.image)
        page = project.documents.page(args.document)
    if not result.operation_id:
        print(f"nothing changed: document {args.document} already points at {page['image']}")
        return 0
    print(
        f"{result.label}: document {args.document} → {page['image']} (sha256 {page['image_sha256']})"
    )
    return 0
