"""Asking the wijk: residents who may be asked, short questions, answers and what the city does with them."""
