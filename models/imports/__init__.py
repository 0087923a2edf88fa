"""Importing leads and touches from marketing tools' exports (CSV, XLSX)."""
