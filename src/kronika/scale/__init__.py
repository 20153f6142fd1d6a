"""Running the per-article function at scale: process pool here, Spark in scale.spark."""
