"""Question -> retrieval -> answer with verified clause citations."""
