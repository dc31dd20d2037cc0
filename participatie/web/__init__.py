"""Web plumbing shared by every blueprint: htmx, URLs, errors, security headers, locale, template globals."""
