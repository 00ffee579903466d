"""Framework-free helpers: no Django imports here, so they test in isolation."""
