"""The Campaigns page: A/B subject variants, split, planner, results (Qt layer)."""

from ui.campaigns.page import CampaignsPage, NewCampaignDialog

__all__ = ["CampaignsPage", "NewCampaignDialog"]
