"""`python -m targetcheck`."""

from targetcheck.app import main

main()
