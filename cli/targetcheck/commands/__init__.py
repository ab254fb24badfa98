"""Command bodies: each takes parsed options, calls the library, writes output, returns an exit code."""
