"""Responses: ambassadors claim ideas, answer in public, move the workflow; residents answer back."""
