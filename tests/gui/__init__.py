"""GUI tests: the real windows, driven offscreen as a user drives them (marked ``gui``)."""
