"""Allow ``python -m salon_segment``."""

from salon_segment.cli import main

if __name__ == "__main__":
    main()
