"""The whole reader as books: a PDF (WeasyPrint) and an EPUB 3 (EbookLib) in each language."""
