"""govkg: government gazettes to a knowledge graph of agencies, officials and mandates."""

__version__ = "0.1.0"
