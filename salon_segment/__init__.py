"""salon-segment: who carries your salon, how loyal your clients are, and whom to let go."""

__version__ = "0.1.0"
