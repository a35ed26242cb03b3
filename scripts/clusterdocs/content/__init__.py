"""The hand-written inputs under content/: English pages, glossary, case registry, data sets."""
