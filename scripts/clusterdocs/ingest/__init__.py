"""Reading the seeds: decode, apply the declared repairs, normalise, structure into chapters."""
