"""The domain's vocabulary: entities, enums, errors, changes, text, audit."""
