"""The application: start-up, the main window, its status bar, settings."""
