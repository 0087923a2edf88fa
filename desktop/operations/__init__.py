"""One small function per user action, run on the worker, with one failure policy."""
