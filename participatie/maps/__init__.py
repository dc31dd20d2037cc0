"""Folium map builders fed by plain values. No domain imports."""
