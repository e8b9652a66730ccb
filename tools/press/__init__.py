"""The page press: gold pages printed as newspaper page images, read back by tesseract.

`python -m tools.press …` (see `__main__.py`). Steps, one module each:
`source` (a clean gold page as stories), `layout` (where every character goes), `render`
(the page image), `read` (tesseract → hOCR), `carry` (the gold carried over to the OCR text,
read and derived by the app's own OCR reader), `stats` (press against the real OCR'd pages).
"""
