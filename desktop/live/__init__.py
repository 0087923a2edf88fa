"""Live refresh in team mode: what others change, heard as it is committed."""
