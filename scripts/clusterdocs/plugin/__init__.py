"""The MkDocs glue: generation before the build, shortcodes, search index, 404 pages."""
