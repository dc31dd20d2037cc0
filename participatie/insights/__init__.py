"""The city learns: numbers with stories (/cijfers) and "Wat is er veranderd" (bewonersbericht)."""
