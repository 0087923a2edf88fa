"""Opening a database, its migrations, credentials and row locks."""
