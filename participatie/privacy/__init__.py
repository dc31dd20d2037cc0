"""Privacy and accessibility: the two statements, "download my data", and retention (what is
no longer needed is removed). Reads every domain; no domain imports it."""
