"""Site-wide pieces: health check, permanent links, language switching, context for templates."""
