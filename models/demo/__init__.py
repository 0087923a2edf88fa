"""Deterministic demo data. Only the demo command and tests import this package."""

from models.demo.generator import DemoReport, generate

__all__ = ["DemoReport", "generate"]
