"""Pipeline that turns the raw seed texts into the bilingual teaching site's pages."""
