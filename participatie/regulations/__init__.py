"""Rules in the way ("regels in de weg"): rules that block residents' ideas, named, counted and
brought to the council, the province and the Rijk."""
