"""Extractors: one module per thing found. Each is a pure function of a Doc and loaded resources."""
