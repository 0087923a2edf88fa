"""Languages: translations, the domain's codes and errors in words."""
