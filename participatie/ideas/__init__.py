"""Ideas and dreams on the map: posting, browsing, the public timeline."""
