"""Reilu: recruiting in which the job seeker is the employer's key customer."""
