"""Campaigns: A/B subject variants of one template for one segment.

Qt-free. Holds the campaign model's use cases, the deterministic split, the
sample-size planner and the analysis of results (see the campaigns issue and
product.md's A/B section).
"""
