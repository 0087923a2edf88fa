"""The handoff definition agreed by marketing and sales, versioned."""
