"""Everything that writes Markdown and HTML for the site."""
