"""The IIIF Image API: parse a URL, plan against the pyramid, render with libvips, encode."""
